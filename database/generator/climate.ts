import type { Rng } from '#database/generator/random'
import { HOUR_MS, winterness } from '#database/generator/time'

/*
 * The city's shared weather-driven pollution background, one value per hour: a persistent
 * AR(1) anomaly plus winter stagnation episodes (静稳天气) that lift PM2.5 for days, and rain
 * that washes it out. Stations, districts and the weather dataset all read the same series,
 * so pollutants correlate across the city and with wind and boundary-layer height.
 */
export interface Climate {
  start: number
  hours: number
  /** log-multiplier on particulates. */
  anomaly: Float32Array
  /** 0 outside an episode, up to ~1 inside. */
  episode: Float32Array
  /** mm in the hour. */
  rain: Float32Array
}

export function buildClimate(rng: Rng, start: number, end: number): Climate {
  const hours = Math.max(0, Math.round((end - start) / HOUR_MS))
  const anomaly = new Float32Array(hours)
  const episode = new Float32Array(hours)
  const rain = new Float32Array(hours)
  let level = 0
  let episodeLeft = 0
  let episodeStrength = 0
  let rainLeft = 0
  for (let h = 0; h < hours; h++) {
    const w = winterness(start + h * HOUR_MS)
    if (episodeLeft <= 0 && rng.chance(0.0035 * w * w)) {
      episodeLeft = rng.int(48, 150)
      episodeStrength = rng.between(0.45, 1.0)
    }
    if (rainLeft <= 0 && rng.chance(0.006 + 0.01 * (1 - w))) rainLeft = rng.int(3, 20)
    const raining = rainLeft > 0
    level = 0.97 * level + rng.normal(0, 0.05) - (raining ? 0.04 : 0)
    episode[h] =
      episodeLeft > 0
        ? episodeStrength * Math.min(1, episodeLeft / 24, (150 - episodeLeft) / 24 + 0.3)
        : 0
    rain[h] = raining ? Math.round(rng.logNormal(1.2, 0.8) * 10) / 10 : 0
    anomaly[h] = level + episode[h]
    episodeLeft--
    rainLeft--
  }
  return { start, hours, anomaly, episode, rain }
}
