import { GeneratorContext, type GeneratorOptions } from '#database/generator/context'
import { buildEnterprises, buildSections, buildStations } from '#database/generator/city_model'
import { buildClimate } from '#database/generator/climate'
import {
  buildOutlets,
  writeEnterprises,
  writeOutlets,
  writePermits,
  writeSections,
  writeStations,
} from '#database/generator/base_rows'
import { generateAir } from '#database/generator/air'
import { generateWaterQuality } from '#database/generator/water'
import {
  generateOnlineMonitoring,
  writeEmissionStandards,
  writeSourceRegisters,
} from '#database/generator/sources'
import {
  generateComplaints,
  generateEiaAndIncidents,
  generatePenaltiesAndInspections,
} from '#database/generator/enforcement'
import { generateEcology, generateNoiseAndRadiation } from '#database/generator/ecology'
import {
  generateDailyLinked,
  generateWeather,
  generateYearlyLinked,
} from '#database/generator/linked'
import type { RowSink } from '#database/generator/writer'
import { HOUR_MS } from '#database/generator/time'

/*
 * The demo city, step by step. Every step draws from its own random stream, so the rows
 * depend only on (seed, window) and on nothing a previous step happened to consume.
 */
export const STEPS = [
  'base',
  'air',
  'water',
  'online monitoring',
  'enforcement',
  'ecology',
  'linked data',
] as const

export async function generateCity(
  options: GeneratorOptions,
  sink: RowSink,
  onStep: (step: (typeof STEPS)[number]) => void = () => {}
) {
  const ctx = new GeneratorContext(options, sink)
  const stations = buildStations(ctx.rng('stations'))
  const sections = buildSections(ctx.rng('sections'))
  const enterprises = buildEnterprises(ctx.rng('enterprises'))
  const outlets = buildOutlets(ctx, enterprises)
  const climate = buildClimate(ctx.rng('climate'), ctx.start, ctx.end)

  onStep('base')
  await writeStations(ctx, stations)
  await writeSections(ctx, sections)
  await writeEnterprises(ctx, enterprises)
  await writePermits(ctx, enterprises)
  await writeOutlets(ctx, outlets)
  onStep('air')
  await generateAir(ctx, stations, climate)
  onStep('water')
  await generateWaterQuality(ctx, sections)
  onStep('online monitoring')
  await generateOnlineMonitoring(ctx, outlets)
  await writeEmissionStandards(ctx)
  await writeSourceRegisters(ctx, enterprises)
  onStep('enforcement')
  await generatePenaltiesAndInspections(ctx, enterprises)
  await generateComplaints(ctx)
  await generateEiaAndIncidents(ctx)
  onStep('ecology')
  await generateNoiseAndRadiation(ctx)
  await generateEcology(ctx)
  onStep('linked data')
  await generateWeather(ctx, climate)
  await generateDailyLinked(ctx, climate)
  await generateYearlyLinked(ctx, enterprises)
  return ctx
}

/** Rough row count for the progress bar: the time series dominate. */
export function estimateRows(options: GeneratorOptions): number {
  const ctx = new GeneratorContext(options, { write: () => {} })
  const hours = (ctx.end - ctx.start) / HOUR_MS
  const days = hours / 24
  return Math.round(hours * (48 * 0.99 + 12) + days * (1_750 + 13 + 12 * 2 + 10 + 12))
}
