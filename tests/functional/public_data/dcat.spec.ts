import { test } from '@japa/runner'
import { upsertDataset } from '#services/catalog/upsert_dataset'
import { isolate } from '#tests/helpers'
import { definition } from '../requests/fixtures.js'

test.group('Public / DCAT-AP export', (group) => {
  isolate(group)

  test('lists every open published dataset as a dcat:Dataset and nothing else', async ({
    client,
    assert,
  }) => {
    await upsertDataset(
      definition('T-OPEN-AQ', {
        isOpen: true,
        freeTags: ['空气质量'],
        timeCoverageStart: '2018-01-01',
      })
    )
    await upsertDataset(definition('T-INTERNAL-AQ', { isOpen: false }))
    await upsertDataset(
      definition('T-COND-AQ', { sharingAttribute: 'conditional', legalBasis: '条例第十二条' })
    )

    const response = await client.get('/api/v1/public/catalog.jsonld')
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /application\/ld\+json/)
    const catalog = JSON.parse(response.text())
    assert.equal(catalog['@type'], 'dcat:Catalog')
    assert.equal(catalog['@context'].dcat, 'http://www.w3.org/ns/dcat#')
    const codes = catalog['dcat:dataset'].map((d: any) => d['dct:identifier'])
    assert.include(codes, 'T-OPEN-AQ')
    assert.notInclude(codes, 'T-INTERNAL-AQ')
    assert.notInclude(codes, 'T-COND-AQ')

    const open = catalog['dcat:dataset'].find((d: any) => d['dct:identifier'] === 'T-OPEN-AQ')
    assert.deepInclude(open['dct:title'], { '@value': '测试数据集T-OPEN-AQ', '@language': 'zh' })
    assert.equal(
      open['dct:accrualPeriodicity']['@id'],
      'http://publications.europa.eu/resource/authority/frequency/HOURLY'
    )
    assert.equal(open['dct:publisher']['foaf:name'], '生态环境监测中心')
    assert.equal(open['dct:temporal']['dcat:startDate']['@value'], '2018-01-01')
    assert.isAbove(open['dcat:distribution'].length, 0)
    assert.include(open['dcat:keyword'], '空气质量')
  })
})
