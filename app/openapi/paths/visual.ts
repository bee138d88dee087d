import { authed, json, pick, query, type Paths } from '#openapi/helpers'
import { filterParams } from '#openapi/paths/delivery'

const common = [
  {
    name: 'datasetCode',
    in: 'path',
    required: true,
    schema: { type: 'string' },
    example: 'EQ-AIR-002',
  },
  query(
    'grantId',
    { type: 'integer' },
    'one of my grants covering the dataset, with the visual_query mode'
  ),
  ...filterParams,
]

const refusals = {
  429: { description: 'Calls per minute, or rows per day of the grant, used up (Retry-After)' },
  ...pick(401, 403, 404, 422),
}

export const visualPaths: Paths = {
  '/api/v1/visual/{datasetCode}/aggregate': {
    get: {
      tags: ['visual'],
      summary: 'Chart series over my grant: statistics per China-time bucket and group',
      description:
        'Only rows in the grant’s row and label scope are counted. Percentiles are exact (linear interpolation, as PERCENTILE_CONT). `exceed` counts values over the GB 3095-2012 grade II (air) or GB 3838-2002 class III (surface water) limit. More than 5000 points (buckets × groups × measures) is 422 E_VISUAL_TOO_MANY_POINTS. Logged in the usage trail (mode visual_query).',
      security: authed,
      parameters: [
        ...common,
        query('bucket', { enum: ['hour', 'day', 'month'] }, 'Asia/Shanghai'),
        query('groupBy', { enum: ['district', 'station', 'enterprise', 'pollutant'] }),
        query('measures', { type: 'string' }, 'numeric fields, comma-separated, e.g. `pm25,pm10`'),
        query(
          'stats',
          { type: 'string' },
          'of count,min,avg,max,p50,p90,p95,exceed (default count,min,avg,max)'
        ),
      ],
      responses: {
        200: json({
          type: 'object',
          example: {
            data: {
              dataset: 'EQ-AIR-002',
              grantId: 12,
              bucket: 'day',
              groupBy: 'station',
              groupField: 'station_code',
              timeZone: 'Asia/Shanghai',
              measures: ['pm25'],
              stats: ['count', 'avg', 'p90', 'exceed'],
              limits: {
                pm25: {
                  value: 75,
                  direction: 'above',
                  unit: 'µg/m³',
                  standard: 'GB 3095-2012 二级 24小时平均（小时值筛查）',
                },
              },
              buckets: ['2026-01-01'],
              series: [
                {
                  group: 'AS001',
                  measure: 'pm25',
                  points: [{ bucket: '2026-01-01', count: 24, avg: 41.5, p90: 77.4, exceed: 3 }],
                },
              ],
            },
            meta: { rows: 24, points: 1 },
          },
        }),
        ...refusals,
      },
    },
  },
  '/api/v1/visual/{datasetCode}/geojson': {
    get: {
      tags: ['visual'],
      summary: 'Map points: the latest granted row per station / section / enterprise as GeoJSON',
      description:
        'Coordinates from the row (when longitude/latitude are granted) or from the base store (when the grant covers it, or it is open data: open/public rows only); otherwise geometry is null.',
      security: authed,
      parameters: [
        ...common,
        query(
          'measures',
          { type: 'string' },
          'properties to include (default: all granted numeric fields)'
        ),
      ],
      responses: {
        200: json({
          type: 'object',
          example: {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                id: 'AS001',
                geometry: { type: 'Point', coordinates: [114.3, 30.6] },
                properties: {
                  station_code: 'AS001',
                  name: '汉口花桥',
                  observed_at: '2026-01-01T03:00:00Z',
                  pm25: 23,
                },
              },
            ],
            meta: { dataset: 'EQ-AIR-002', keyField: 'station_code', features: 1, located: 1 },
          },
        }),
        ...refusals,
      },
    },
  },
}
