import type { HttpContext } from '@adonisjs/core/http'
import { checkFields, checkQuota } from '#services/delivery/grant_access'
import { scopedQuery } from '#services/delivery/scoped_query'
import { secondsUntilTomorrow } from '#services/delivery/usage_log'
import { formatValue } from '#services/products/record_values'
import { exceedanceLimit } from '#services/standards/exceedance_limits'
import type { StoreDataset } from '#services/stores/store_definition'
import { visualCall } from '#services/visual/visual_call'
import {
  AGGREGATE_CONTROLS,
  parseVisualQuery,
  type VisualQuery,
} from '#services/visual/visual_query'
import { bucketSpan } from '#services/visual/visual_stats'
import { needsRows, sqlSeries, streamedSeries } from '#services/visual/visual_series'
import { aggregateValidator } from '#validators/visual'
import AppException from '#exceptions/app_exception'
import { QuotaExceededException } from '#exceptions/delivery_exceptions'

/** Points (buckets × groups × measures) one answer may hold: more is no longer a readable chart. */
export const MAX_POINTS = 5000

/*
 * Chart series over granted rows: the grant's scope and the caller's filters as SQL (the data
 * API's scopedQuery); counts, extremes, averages and exceedances grouped by the database,
 * percentiles from the rows streamed in (group, time) order (#services/visual/visual_series).
 */
export default class AggregateVisual {
  async handle(ctx: HttpContext, datasetCode: string) {
    return visualCall(ctx, datasetCode, async (call) => {
      const { qs, params, dataset, access } = await call.open(
        aggregateValidator,
        AGGREGATE_CONTROLS
      )
      const query = parseVisualQuery(dataset, params, qs)
      checkFields(access, query.touched)
      const remaining = await checkQuota(access.grant)

      const summary = await this.summary(dataset, access, query)
      if (summary.rows > remaining)
        throw new QuotaExceededException(secondsUntilTomorrow(), access.grant.rowsPerDay)
      const buckets =
        summary.rows === 0 ? 0 : bucketSpan(summary.first!, summary.last!, params.bucket)
      const points = buckets * Math.max(summary.groups, 1) * query.measures.length
      if (points > MAX_POINTS)
        throw new AppException('E_VISUAL_TOO_MANY_POINTS', 422, {
          params: {
            buckets,
            groups: Math.max(summary.groups, 1),
            measures: query.measures.length,
            points,
            max: MAX_POINTS,
          },
          details: [{ field: 'bucket', rule: `maxPoints:${MAX_POINTS}` }],
        })

      const read = needsRows(query.stats) ? streamedSeries : sqlSeries
      const series =
        summary.rows === 0
          ? []
          : await read(dataset, access, query, params.bucket, call.usage, summary.rows)
      const limits = query.stats.includes('exceed')
        ? Object.fromEntries(query.measures.map((m) => [m, exceedanceLimit(dataset.code, m)!]))
        : undefined
      return {
        data: {
          dataset: dataset.code,
          grantId: access.grant.id,
          bucket: params.bucket,
          groupBy: query.groupBy,
          groupField: query.groupColumn,
          timeZone: 'Asia/Shanghai',
          measures: query.measures,
          stats: query.stats,
          limits,
          buckets: [
            ...new Set(series.flatMap((s) => s.points.map((p) => p.bucket as string))),
          ].sort(),
          series,
        },
        meta: { rows: call.usage.rows, points: series.reduce((n, s) => n + s.points.length, 0) },
      }
    })
  }

  /** Rows, groups and time span in scope: the quota and the size cap are decided before reading. */
  private async summary(
    dataset: StoreDataset,
    access: Parameters<typeof scopedQuery>[1],
    query: VisualQuery
  ) {
    const timeField = dataset.fields.find((f) => f.name === dataset.layout.timeField)!
    const builder = scopedQuery(dataset, access, { ...query.filters, sort: [] }, [], null, 1)
      .clearSelect()
      .clearLimit()
      .count('* as rows')
      .min(`${timeField.name} as first`)
      .max(`${timeField.name} as last`)
    if (query.groupColumn) builder.countDistinct(`${query.groupColumn} as groups`)
    const [row] = await builder
    const time = (value: unknown) =>
      value === null || value === undefined ? null : (formatValue(timeField, value) as string)
    return {
      rows: Number(row.rows),
      groups: Number(row.groups ?? 1),
      first: time(row.first),
      last: time(row.last),
    }
  }
}
