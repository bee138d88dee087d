import { aqiBand } from '#services/standards/aqi'
import { openRows } from '#services/products/product_catalog'
import { dateText, latest } from '#services/products/previews/preview_helpers'
import { formatValue } from '#services/products/record_values'

/*
 * Air-quality products: the daily report (city and districts for the latest day) and the
 * latest hour's AQI by station.
 */
const CITY_CODE = '420100'

function banded(aqi: number | null) {
  if (aqi === null)
    return { aqi: null, level: null, category: null, categoryEn: null, colour: null }
  const band = aqiBand(aqi)
  return {
    aqi,
    level: band.level,
    category: band.category,
    categoryEn: band.categoryEn,
    colour: band.colourHex,
  }
}

export async function airDailyReport() {
  const day = dateText(await latest('air_quality_daily', 'report_date'))
  if (!day) return { date: null, city: null, districts: [] }
  const rows = await openRows('air_quality_daily').where('report_date', day).orderBy('area_code')
  const shape = (row: any) => ({
    areaCode: row.area_code,
    areaName: row.area_name,
    ...banded(row.aqi === null ? null : Number(row.aqi)),
    primaryPollutant: row.primary_pollutant,
    pm25: row.pm25,
    o3_8h: row.o3_8h,
  })
  const city = rows.find((row: any) => row.area_code === CITY_CODE)
  return {
    date: day,
    city: city ? shape(city) : null,
    districts: rows.filter((row: any) => row.area_code !== CITY_CODE).map(shape),
  }
}

export async function airHourlyAqi() {
  const hour = await latest('air_quality_hourly', 'observed_at')
  if (!hour) return { observedAt: null, stations: [], levels: [] }
  const rows = await openRows('air_quality_hourly')
    .where('observed_at', hour)
    .select('station_code', 'district_code', 'aqi', 'primary_pollutant', 'pm25', 'o3')
    .orderBy('station_code')
  const levels = new Map<number, number>()
  for (const row of rows) {
    const level = aqiBand(Number(row.aqi)).level
    levels.set(level, (levels.get(level) ?? 0) + 1)
  }
  return {
    observedAt: formatValue(
      { name: 'observed_at', labelZh: '', labelEn: '', type: 'datetime' },
      hour
    ),
    stations: rows.map((row: any) => ({
      stationCode: row.station_code,
      districtCode: row.district_code,
      ...banded(Number(row.aqi)),
      primaryPollutant: row.primary_pollutant,
      pm25: row.pm25,
      o3: row.o3,
    })),
    levels: [...levels.entries()]
      .sort(([a], [b]) => a - b)
      .map(([level, stations]) => ({ level, stations })),
  }
}
