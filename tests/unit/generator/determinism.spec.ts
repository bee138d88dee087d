import { test } from '@japa/runner'
import { STORE_DATASETS } from '#database/data/datasets/index'
import { generateCity } from '#database/generator/generate_demo'
import { MemorySink } from '#database/generator/writer'
import { Rng } from '#database/generator/random'
import { generated, WINDOW } from '#tests/unit/generator/generator_fixture'

test.group('Demo generator · determinism', () => {
  test('the same seed gives the same rows in every table', async ({ assert }) => {
    const first = await generated(7)
    const again = new MemorySink()
    await generateCity({ ...WINDOW, seed: 7 }, again)
    for (const dataset of STORE_DATASETS) {
      assert.deepEqual(
        again.rows(dataset.storeTable),
        first.rows(dataset.storeTable),
        dataset.storeTable
      )
    }
  }).timeout(60_000)

  test('another seed gives other values but the same objects', async ({ assert }) => {
    const a = await generated(7)
    const b = await generated(8)
    assert.notDeepEqual(
      a.rows('air_quality_hourly').slice(0, 50),
      b.rows('air_quality_hourly').slice(0, 50)
    )
    assert.deepEqual(
      a.rows('air_stations').map((row) => row.station_code),
      b.rows('air_stations').map((row) => row.station_code)
    )
  }).timeout(60_000)

  test('every store table receives rows, with the minimum sizes the issue asks for', async ({
    assert,
  }) => {
    const sink = await generated(7)
    for (const dataset of STORE_DATASETS)
      assert.isAbove(sink.rows(dataset.storeTable).length, 0, dataset.storeTable)
    assert.isAtLeast(sink.rows('air_stations').length, 40)
    assert.isAtLeast(sink.rows('water_sections').length, 30)
    assert.lengthOf(sink.rows('enterprises'), 500)
  }).timeout(60_000)

  test('random streams are independent of each other and of how much was drawn', ({ assert }) => {
    const base = new Rng(1, 'x')
    const fresh = base.fork('child').next()
    base.next()
    base.next()
    assert.equal(base.fork('child').next(), fresh)
    assert.notEqual(new Rng(1, 'a').next(), new Rng(1, 'b').next())
  })
})
