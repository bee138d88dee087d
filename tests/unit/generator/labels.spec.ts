import { test } from '@japa/runner'
import { STORE_DATASETS, PRODUCT_DATASETS } from '#database/data/datasets/index'
import { CLASSIFICATION_LEVELS, SHARING_SCOPES } from '#services/catalog/record_labels'
import { CITY_BUREAU, CITY_DEPARTMENTS, DIVISIONS } from '#database/data/city'
import { TAXONOMY } from '#database/data/taxonomy'
import { PREVIEWS } from '#services/products/previews/index'
import { generated } from '#tests/unit/generator/generator_fixture'

test.group('Demo generator · record labels and dataset definitions', () => {
  test('every generated row carries valid record labels', async ({ assert }) => {
    const sink = await generated(7)
    for (const dataset of STORE_DATASETS) {
      for (const row of sink.rows(dataset.storeTable)) {
        assert.isTrue(
          CLASSIFICATION_LEVELS.includes(row.classification_level as any),
          dataset.storeTable
        )
        assert.isTrue(SHARING_SCOPES.includes(row.sharing_scope as any), dataset.storeTable)
        assert.match(String(row.label_updated_at), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      }
    }
  }).timeout(60_000)

  test('labels are a realistic mix: monitoring mostly open, enterprise operating data never open', async ({
    assert,
  }) => {
    const sink = await generated(7)
    const openShare = (table: string) => {
      const rows = sink.rows(table)
      return (
        rows.filter((row) => row.sharing_scope === 'open' && row.classification_level === 'public')
          .length / rows.length
      )
    }
    assert.isAbove(openShare('air_quality_hourly'), 0.95)
    assert.isBelow(openShare('air_quality_hourly'), 1)
    assert.equal(openShare('online_monitoring'), 0)
    assert.equal(openShare('complaints'), 0)
    assert.isTrue(
      sink.rows('online_monitoring').some((row) => row.classification_level === 'sensitive')
    )
  }).timeout(60_000)

  test('the 20 open products each have a preview and an open, unconditional definition', ({
    assert,
  }) => {
    assert.lengthOf(PRODUCT_DATASETS, 20)
    for (const product of PRODUCT_DATASETS) {
      assert.isTrue(product.isOpen, product.code)
      assert.equal(product.sharingAttribute, 'unconditional', product.code)
      assert.isFunction(PREVIEWS[product.product!.previewKey], product.code)
    }
  })

  test('definitions use real providers and taxonomy codes; conditional ones state a legal basis', ({
    assert,
  }) => {
    const organisations = new Set([
      CITY_BUREAU.code,
      ...DIVISIONS.map(([code]) => code),
      ...CITY_DEPARTMENTS.map(([code]) => code),
    ])
    const subcategories = new Set(
      TAXONOMY.flatMap((category) => category.subcategories.map((s) => s.code))
    )
    const linkedProviders = new Set(
      STORE_DATASETS.map((d) => d.providerCode).filter((code) => !code.startsWith('JC-EEB'))
    )
    assert.isAtLeast(linkedProviders.size, 8)
    assert.equal(new Set(STORE_DATASETS.map((d) => d.code)).size, STORE_DATASETS.length)
    for (const dataset of STORE_DATASETS) {
      assert.isTrue(
        organisations.has(dataset.providerCode),
        `${dataset.code} provider ${dataset.providerCode}`
      )
      assert.isTrue(
        subcategories.has(dataset.subcategoryCode),
        `${dataset.code} ${dataset.subcategoryCode}`
      )
      assert.isTrue(dataset.subcategoryCode.startsWith(`${dataset.categoryCode}-`), dataset.code)
      if (dataset.sharingAttribute !== 'unconditional')
        assert.isNotEmpty(dataset.legalBasis, dataset.code)
      const names = dataset.fields.map((f) => f.name)
      assert.equal(new Set(names).size, names.length, dataset.code)
      for (const column of [
        ...(dataset.layout.primary ?? []),
        ...(dataset.layout.timeField ? [dataset.layout.timeField] : []),
      ]) {
        assert.include(names, column, `${dataset.code} key ${column}`)
      }
    }
  })
})
