// bpmn-moddle's own typings sit behind a `types` subpath its exports map does not expose to NodeNext.
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>)
    fromXML(
      xml: string,
      typeName?: string
    ): Promise<{ rootElement: unknown; warnings: { message: string }[] }>
  }
}
