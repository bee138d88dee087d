import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { checkFields, checkQuota, type Access } from '#services/delivery/grant_access'
import { scopedQuery } from '#services/delivery/scoped_query'
import { formatValue } from '#services/products/record_values'
import { PUBLIC_LABELS } from '#services/catalog/record_labels'
import type { StoreDataset } from '#services/stores/store_definition'
import { AIR_STATIONS, ENTERPRISES, OUTLETS, WATER_SECTIONS } from '#database/data/datasets/base'
import { visualCall } from '#services/visual/visual_call'
import { GEOJSON_CONTROLS, parseFilters, parseMeasures } from '#services/visual/visual_query'
import { geojsonValidator } from '#validators/visual'
import AppException from '#exceptions/app_exception'
import InvalidFilterException from '#exceptions/invalid_filter_exception'

/** Features one answer may hold (the city has a few hundred stations, sections, enterprises). */
export const MAX_FEATURES = 2000

/** The columns that name a mapped object, and the base store holding its coordinates. */
const LOCATED: [string, StoreDataset | null][] = [
  ['station_code', AIR_STATIONS],
  ['section_code', WATER_SECTIONS],
  ['outlet_code', OUTLETS],
  ['enterprise_code', ENTERPRISES],
  ['source_code', null],
  ['point_code', null],
]
const NAME_COLUMNS = ['station_name', 'section_name', 'enterprise_name', 'outlet_name']

type Row = Record<string, unknown>
type Position = { lon: number; lat: number; name: string | null }

/*
 * Map points: per station (section, enterprise…) in the granted scope, its latest row — or
 * every row of a store without a time field — with coordinates from the row itself when the
 * store has them, else from the base store. Coordinates follow the grant: the row's own only
 * when longitude/latitude are granted fields; a base store's when the grant covers that store
 * with them, or when it is an open dataset, reading only rows labelled open/public there.
 * Otherwise the feature is sent with a null geometry rather than left out.
 */
export default class VisualGeojson {
  async handle(ctx: HttpContext, datasetCode: string) {
    return visualCall(ctx, datasetCode, async (call) => {
      const { qs, params, dataset, access } = await call.open(geojsonValidator, GEOJSON_CONTROLS)

      const filters = parseFilters(dataset, qs, GEOJSON_CONTROLS)
      const { measures, problems } = parseMeasures(dataset, params.measures, false)
      const located = LOCATED.find(([column]) => dataset.fields.some((f) => f.name === column))
      if (!located) problems.push({ field: 'datasetCode', rule: 'noLocation' })
      if (problems.length > 0) throw new InvalidFilterException(problems)
      const [keyColumn, base] = located!
      const timeField = dataset.layout.timeField
      const granted = (name: string) => access.grantDataset.fields.includes(name)
      const shown = measures.length
        ? measures
        : dataset.fields
            .filter((f) => (f.type === 'integer' || f.type === 'decimal') && granted(f.name))
            .map((f) => f.name)
            .filter((name) => name !== 'longitude' && name !== 'latitude')
      const touched = [...filters.touched, keyColumn, ...shown, ...(timeField ? [timeField] : [])]
      checkFields(access, [...new Set(touched)])
      await checkQuota(access.grant)

      const own = dataset.fields.some((f) => f.name === 'longitude')
      const ownCoordinates = own && granted('longitude') && granted('latitude')
      const extra = ownCoordinates ? ['longitude', 'latitude'] : []
      const names = NAME_COLUMNS.filter(
        (n) => granted(n) && dataset.fields.some((f) => f.name === n)
      )
      const read = [
        ...new Set([keyColumn, ...(timeField ? [timeField] : []), ...shown, ...names, ...extra]),
      ]
      const rows = await this.latestRows(dataset, access, filters, keyColumn, read)
      const positions =
        own || !base ? null : await this.basePositions(base, access, keyColumn, rows)

      const fieldOf = (name: string) => dataset.fields.find((f) => f.name === name)!
      const features = rows.map((row) => {
        const key = row[keyColumn] as string
        const position: Position | null = ownCoordinates
          ? coordinates(row.longitude, row.latitude, null)
          : (positions?.get(key) ?? null)
        const properties: Row = { [keyColumn]: key, name: position?.name ?? null }
        for (const name of names) properties.name = row[name] ?? properties.name
        if (timeField) properties[timeField] = formatValue(fieldOf(timeField), row[timeField])
        for (const name of shown) properties[name] = formatValue(fieldOf(name), row[name])
        return {
          type: 'Feature' as const,
          id: key,
          geometry: position
            ? { type: 'Point' as const, coordinates: [position.lon, position.lat] }
            : null,
          properties,
        }
      })
      call.usage.rows = features.length
      return {
        type: 'FeatureCollection' as const,
        features,
        meta: {
          dataset: dataset.code,
          grantId: access.grant.id,
          keyField: keyColumn,
          timeField: timeField ?? null,
          measures: shown,
          features: features.length,
          located: features.filter((f) => f.geometry).length,
        },
      }
    })
  }

  /**
   * The latest row per object in scope (every row when the store has no time field), in one
   * query: the scoped rows joined to each key's latest scoped time. Where the store has an
   * index starting (key, time), that time is found per key by walking the index backwards
   * from the newest row to the first one in scope — a few index steps per key, where grouping
   * max(time) reads every row of the year; otherwise it is that grouped max(time).
   */
  private async latestRows(
    dataset: StoreDataset,
    access: Access,
    filters: ReturnType<typeof parseFilters>,
    keyColumn: string,
    read: string[]
  ): Promise<Row[]> {
    const timeField = dataset.layout.timeField
    const sort = [{ column: keyColumn, direction: 'asc' as const }]
    const rows = scopedQuery(dataset, access, { ...filters, sort }, read, null, MAX_FEATURES + 1)
    if (!timeField) return this.capped(await rows)
    const { primary, indexes = [] } = dataset.layout
    const walkable = [primary ?? [], ...indexes].some(
      (index) => index[0] === keyColumn && index[1] === timeField
    )
    if (walkable) {
      const newest = [{ column: timeField, direction: 'desc' as const }]
      const latest = scopedQuery(
        dataset,
        access,
        { ...filters, sort: newest },
        [timeField],
        null,
        1
      )
        .whereRaw('?? = visual_latest.visual_key', [keyColumn])
        .toSQL()
      // Keys first (CROSS JOIN fixes SQLite's join order), then each key's row by (key, time):
      // left to itself SQLite drives from the labels index through every row of the year.
      rows.knexQuery.from(
        db.knexRawQuery(
          '(select distinct ?? as visual_key from ??) as visual_latest cross join ??',
          [keyColumn, dataset.storeTable, dataset.storeTable]
        )
      )
      rows.whereRaw(`?? = visual_latest.visual_key and ?? = (${latest.sql})`, [
        keyColumn,
        timeField,
        ...(latest.bindings as (string | number)[]),
      ])
    } else {
      const latest = scopedQuery(dataset, access, { ...filters, sort: [] }, [], null, 1)
        .clearSelect()
        .clearLimit()
        .select(`${keyColumn} as visual_key`)
        .max(`${timeField} as visual_at`)
        .groupBy(keyColumn)
        .toSQL()
      rows.joinRaw(
        `join (${latest.sql}) as visual_latest on ?? = visual_latest.visual_key and ?? = visual_latest.visual_at`,
        [...(latest.bindings as (string | number)[]), keyColumn, timeField]
      )
    }
    return this.capped(await rows)
  }

  private capped<T>(rows: T[]): T[] {
    if (rows.length > MAX_FEATURES)
      throw new AppException('E_VISUAL_TOO_MANY_FEATURES', 422, {
        params: { max: MAX_FEATURES },
        details: [{ field: 'grantId', rule: `maxFeatures:${MAX_FEATURES}` }],
      })
    return rows
  }

  /** Coordinates (and names) from the base store, as far as the grant or open data allows. */
  private async basePositions(
    base: StoreDataset,
    access: Access,
    keyColumn: string,
    rows: Row[]
  ): Promise<Map<string, Position> | null> {
    const covered = access.grant.datasets.find((d) => d.datasetCode === base.code)
    const viaGrant =
      covered?.fields.includes('longitude') && covered.fields.includes('latitude') ? covered : null
    const coordinateFields = base.fields.filter(
      (f) => f.name === 'longitude' || f.name === 'latitude'
    )
    const open = base.isOpen && coordinateFields.every((f) => !f.sensitive)
    if (!viaGrant && !open) return null
    const nameColumn = NAME_COLUMNS.find((n) => base.fields.some((f) => f.name === n))
    const builder = db
      .from(base.storeTable)
      .select([keyColumn, 'longitude', 'latitude', ...(nameColumn ? [nameColumn] : [])])
      .whereIn(keyColumn, [...new Set(rows.map((row) => row[keyColumn] as string))])
    if (viaGrant)
      builder
        .whereIn('sharing_scope', viaGrant.labelScope.sharingScopes)
        .whereIn('classification_level', viaGrant.labelScope.classificationLevels)
    else
      builder
        .where('sharing_scope', PUBLIC_LABELS.sharing_scope)
        .where('classification_level', PUBLIC_LABELS.classification_level)
    const positions = new Map<string, Position>()
    for (const row of await builder) {
      const name =
        nameColumn && (!viaGrant || viaGrant.fields.includes(nameColumn)) ? row[nameColumn] : null
      const position = coordinates(row.longitude, row.latitude, name)
      if (position) positions.set(row[keyColumn], position)
    }
    return positions
  }
}

function coordinates(lon: unknown, lat: unknown, name: string | null): Position | null {
  if (lon === null || lat === null || lon === undefined || lat === undefined) return null
  return { lon: Number(lon), lat: Number(lat), name }
}
