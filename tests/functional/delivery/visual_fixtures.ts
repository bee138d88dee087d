import db from '@adonisjs/lucid/services/db'
import { OPEN } from '#tests/functional/public_data/fixtures'
import { DATASET, as, grantThroughRequest } from './fixtures.js'

/*
 * Visual-query helpers on top of the delivery fixtures: a grant with the visual_query mode,
 * calls as its holder, and two rows either side of a China-time midnight.
 */
export const AGGREGATE = `/api/v1/visual/${DATASET}/aggregate`
export const GEOJSON = `/api/v1/visual/${DATASET}/geojson`

export function visualGrant(client: any, username = 'applicant', overrides = {}) {
  return grantThroughRequest(client, username, { deliveryModes: ['visual_query'], ...overrides })
}

export async function visual(client: any, url: string, query: string, username = 'applicant') {
  return (await as(client, username)).get(`${url}?${query}`)
}

/** AS001 at 23:00 China time on 1 January (15:00 UTC) and at 00:00 on 2 January (16:00 UTC). */
export async function midnightRows() {
  const row = (observedAt: string, pm25: number) => ({
    station_code: 'AS001',
    observed_at: observedAt,
    district_code: '420102',
    pm25,
    pm10: 2 * pm25,
    so2: 8,
    no2: 30,
    co: 0.8,
    o3: 40,
    o3_8h: 35,
    aqi: 120,
    aqi_level: 3,
    primary_pollutant: 'PM2.5',
    ...OPEN,
  })
  await db
    .table('air_quality_hourly')
    .multiInsert([row('2026-01-01 15:00:00', 80), row('2026-01-01 16:00:00', 90)])
}

export function usageRows() {
  return db.from('data_usage').where('mode', 'visual_query').orderBy('id')
}
