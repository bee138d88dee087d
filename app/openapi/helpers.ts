import { errorResponses } from '#openapi/components'

/** Small builders so each domain's path file stays readable. */
export type Op = Record<string, unknown>
export type Paths = Record<string, Record<string, Op>>
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
export const json = (schema: unknown) => ({ content: { 'application/json': { schema } } })
export const dataOf = (schema: unknown) => json({ type: 'object', properties: { data: schema } })
export const listOf = (name: string) =>
  json({
    type: 'object',
    properties: { data: { type: 'array', items: ref(name) }, meta: ref('PaginationMeta') },
  })
/** A page of inline item schemas (listOf takes a named component instead). */
export const pageOf = (items: unknown) =>
  json({
    type: 'object',
    properties: { data: { type: 'array', items }, meta: ref('PaginationMeta') },
  })
export const authed = [{ bearer: [] }, { session: [] }]
export const pick = (...codes: (keyof typeof errorResponses)[]) =>
  Object.fromEntries(codes.map((c) => [c, errorResponses[c]]))
export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
export const query = (name: string, schema: Record<string, unknown>, description?: string) => ({
  name,
  in: 'query',
  schema,
  description,
})
export const page = [
  query('page', { type: 'integer', minimum: 1 }),
  query('perPage', { type: 'integer', minimum: 1 }),
]
