import db from '@adonisjs/lucid/services/db'
import { forgetCounts } from '#services/products/product_catalog'

/*
 * Hand-made rows for the public-data specs, written inside each test's rolled-back
 * transaction. `hidden` rows carry labels an anonymous caller must never see.
 */
export const OPEN = {
  classification_level: 'public',
  sharing_scope: 'open',
  label_updated_at: '2026-01-02 00:00:00',
}
export const HIDDEN = [
  {
    classification_level: 'internal',
    sharing_scope: 'unconditional',
    label_updated_at: '2026-01-02 00:00:00',
  },
  {
    classification_level: 'public',
    sharing_scope: 'conditional',
    label_updated_at: '2026-01-02 00:00:00',
  },
  {
    classification_level: 'sensitive',
    sharing_scope: 'open',
    label_updated_at: '2026-01-02 00:00:00',
  },
]

/** 3 stations × 4 hours; AS002 at 02:00 UTC is internal, AS003 at 03:00 is open-but-sensitive. */
export async function hourlyFixture() {
  forgetCounts()
  const rows = []
  for (const [s, station] of ['AS001', 'AS002', 'AS003'].entries()) {
    for (let h = 0; h < 4; h++) {
      const pm25 = 20 + 10 * s + h
      const hidden = (station === 'AS002' && h === 2) || (station === 'AS003' && h === 3)
      rows.push({
        station_code: station,
        observed_at: `2026-01-01 0${h}:00:00`,
        district_code: s === 2 ? '420107' : '420102',
        pm25,
        pm10: pm25 * 2,
        so2: 8,
        no2: 30,
        co: 0.8,
        o3: 40,
        o3_8h: 35,
        aqi: pm25 * 2,
        aqi_level: 1,
        primary_pollutant: null,
        ...(hidden ? HIDDEN[station === 'AS002' ? 0 : 2] : OPEN),
      })
    }
  }
  await db.table('air_quality_hourly').multiInsert(rows)
  return rows
}

export async function dailyFixture() {
  forgetCounts()
  const row = (
    area: string,
    name: string,
    date: string,
    aqi: number,
    primary: string | null,
    labels: object
  ) => ({
    area_code: area,
    area_name: name,
    report_date: date,
    pm25: 50,
    pm10: 70,
    so2: 9,
    no2: 35,
    co: 0.9,
    o3_8h: 60,
    aqi,
    aqi_level: aqi > 100 ? 3 : aqi > 50 ? 2 : 1,
    aqi_category: aqi > 100 ? '轻度污染' : aqi > 50 ? '良' : '优',
    primary_pollutant: primary,
    ...labels,
  })
  await db.table('air_quality_daily').multiInsert([
    row('420100', '全市', '2026-01-10', 72, 'PM2.5', OPEN),
    row('420102', '江岸区', '2026-01-10', 118, 'PM2.5', OPEN),
    row('420117', '新洲区', '2026-01-10', 45, null, OPEN),
    // A newer day still under review: it must not become "the latest day" for the public.
    row('420100', '全市', '2026-01-11', 160, 'PM2.5', HIDDEN[0]),
  ])
}

/** Catalog entries of the 20 products: the public API serves a product only while it is published and open. */
export async function registerProducts() {
  const { upsertDataset } = await import('#services/catalog/upsert_dataset')
  const { toDatasetDefinition } = await import('#services/stores/store_definition')
  const { PRODUCT_DATASETS } = await import('#database/data/datasets/index')
  for (const product of PRODUCT_DATASETS) await upsertDataset(toDatasetDefinition(product))
}
