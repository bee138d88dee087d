import type { HttpContext } from '@adonisjs/core/http'
import AggregateVisual from '#actions/delivery/aggregate_visual'
import VisualGeojson from '#actions/delivery/visual_geojson'

/*
 * Visual query (可视化查询) for the logged-in grant holder: chart series and map points over
 * granted data. The grant named by `grantId` is the authorisation, checked in the action per
 * call (holder via GrantPolicy.use, status, dataset, mode, fields, quota) and logged.
 */
export default class VisualQueryController {
  aggregate(ctx: HttpContext) {
    return new AggregateVisual().handle(ctx, String(ctx.params.datasetCode))
  }

  geojson(ctx: HttpContext) {
    return new VisualGeojson().handle(ctx, String(ctx.params.datasetCode))
  }
}
