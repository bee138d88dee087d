import { openapiDocument } from '#openapi/document'

export default class OpenapiController {
  async show() {
    return openapiDocument
  }
}
