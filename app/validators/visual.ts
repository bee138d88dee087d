import vine from '@vinejs/vine'
import { BUCKETS } from '#services/visual/visual_stats'
import { GROUP_BYS } from '#services/visual/visual_query'

/*
 * The fixed parameters of the visual-query endpoints. Everything else in the query string is a
 * filter on a dataset field, parsed against the dataset's schema (data_query.ts).
 */
const list = () => vine.string().trim().maxLength(300)

export const aggregateFields = {
  grantId: vine.number().withoutDecimals().min(1),
  bucket: vine.enum(BUCKETS),
  groupBy: vine.enum(GROUP_BYS).optional(),
  measures: list(),
  stats: list().optional(),
}
export const aggregateValidator = vine.create(vine.object(aggregateFields))

export const geojsonFields = {
  grantId: vine.number().withoutDecimals().min(1),
  measures: list().optional(),
}
export const geojsonValidator = vine.create(vine.object(geojsonFields))
