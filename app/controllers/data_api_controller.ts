import type { HttpContext } from '@adonisjs/core/http'
import DeliverRecords from '#actions/delivery/deliver_records'

/** The data API (X-API-Key): authorisation is the key's grant, checked in the action per call. */
export default class DataApiController {
  async records(ctx: HttpContext) {
    await new DeliverRecords().handle(ctx, String(ctx.params.datasetCode))
  }
}
