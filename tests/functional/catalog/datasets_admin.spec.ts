import { test } from '@japa/runner'
import { auditRows, demoUser, isolate } from '#tests/helpers'
import { fixtureDefinition } from '#tests/fixtures/catalog'
import { upsertDataset } from '#services/catalog/upsert_dataset'
import Dataset from '#models/dataset'
import type { DatasetDefinition } from '#services/catalog/dataset_definition'

const DATASETS = '/api/v1/catalog/datasets'

/** A complete, valid body for POST /catalog/datasets. */
function body(overrides: Record<string, unknown> = {}) {
  const definition: Partial<DatasetDefinition> = fixtureDefinition({
    code: 'ADM-NOISE-001',
    nameZh: '城市区域环境噪声监测',
    nameEn: 'Urban area noise monitoring',
    description: '城市区域环境噪声网格监测结果，昼间与夜间等效声级。',
    subcategoryCode: 'EQ-NOISE',
    updateFrequency: 'quarterly',
    controlledTags: ['noise', '监测'],
    freeTags: ['等效声级'],
    fields: [
      { name: 'grid_code', labelZh: '网格编码', labelEn: 'Grid code', type: 'string' },
      {
        name: 'leq_day',
        labelZh: '昼间等效声级',
        labelEn: 'Day Leq',
        type: 'decimal',
        unit: 'dB(A)',
      },
    ],
  })
  // Set from code only: the API refuses them (see the mass-assignment test).
  delete definition.storeTable
  delete definition.product
  return { ...definition, ...overrides }
}

async function create(client: any, overrides: Record<string, unknown> = {}) {
  const admin = await demoUser('catalogadmin')
  return client.post(DATASETS).json(body(overrides)).withGuard('api').loginAs(admin)
}

function rules(response: any): string[] {
  return response.body().error.details.map((d: any) => `${d.field}:${d.rule}`)
}

test.group('Catalog / dataset administration', (group) => {
  isolate(group)

  test('the catalog admin registers a dataset; it is audited and searchable', async ({
    client,
    assert,
  }) => {
    const response = await create(client)
    response.assertStatus(201)
    const data = response.body().data
    assert.equal(data.code, 'ADM-NOISE-001')
    assert.equal(data.version, 1)
    assert.equal(data.provider.code, 'JC-EEB-MON')
    assert.deepEqual(
      data.controlledTags.map((t: any) => t.code),
      ['noise', 'monitoring'],
      'controlled tags given by name are stored as codes'
    )
    assert.deepEqual(
      data.fields.map((f: any) => f.name),
      ['grid_code', 'leq_day']
    )
    const [event] = await auditRows('dataset.create')
    assert.equal(event.object_id, String(data.id))
    assert.equal(event.actor_username, 'catalogadmin')

    const staff = await demoUser('applicant')
    const found = await client
      .get(`${DATASETS}?q=${encodeURIComponent('噪声 等效声级')}`)
      .withGuard('api')
      .loginAs(staff)
    assert.deepEqual(
      found.body().data.map((d: any) => d.code),
      ['ADM-NOISE-001']
    )
  })

  test('only catalog admins write; the refusal is audited', async ({ client, assert }) => {
    for (const username of ['applicant', 'sysadmin', 'ownerreviewer']) {
      const user = await demoUser(username)
      const response = await client.post(DATASETS).json(body()).withGuard('api').loginAs(user)
      response.assertStatus(403)
    }
    ;(await client.post(DATASETS).json(body())).assertStatus(401)
    assert.isAtLeast((await auditRows('authz.denied')).length, 3)
  })

  test('sharing rules: legal basis, and what may be open to the public', async ({
    client,
    assert,
  }) => {
    const conditional = await create(client, { sharingAttribute: 'conditional', legalBasis: null })
    conditional.assertStatus(422)
    assert.include(rules(conditional), 'legalBasis:legalBasis.required')

    const openImportant = await create(client, { isOpen: true, grade: 'important' })
    assert.include(rules(openImportant), 'isOpen:open.grade')

    const openNotShared = await create(client, {
      isOpen: true,
      sharingAttribute: 'not_shared',
      legalBasis: '《保守国家秘密法》',
    })
    assert.include(rules(openNotShared), 'isOpen:open.notShared')

    const openSecret = await create(client, { isOpen: true, secrecyLabel: 'work_secret' })
    assert.include(rules(openSecret), 'isOpen:open.secrecy')
  })

  test('references must exist and fit: taxonomy, provider (一数一源), tags, districts', async ({
    client,
    assert,
  }) => {
    const response = await create(client, {
      categoryCode: 'PS',
      subcategoryCode: 'EQ-NOISE',
      providerCode: 'ENT-0001',
      controlledTags: ['no-such-tag'],
      spatialCoverage: ['999999'],
      timeCoverageStart: '2024-01-01',
      timeCoverageEnd: '2023-01-01',
    })
    response.assertStatus(422)
    assert.includeMembers(rules(response), [
      'subcategoryCode:subcategory.category',
      'providerCode:provider.type',
      'controlledTags:database.exists',
      'spatialCoverage:district',
      'timeCoverageEnd:timeCoverage.order',
    ])

    const unknownCategory = await create(client, { categoryCode: 'XX' })
    assert.include(rules(unknownCategory), 'categoryCode:database.exists')
  })

  test('codes are unique and one name has one source', async ({ client, assert }) => {
    ;(await create(client)).assertStatus(201)
    const sameCode = await create(client, { nameZh: '另一个名称' })
    assert.include(rules(sameCode), 'code:database.unique')
    const sameName = await create(client, { code: 'ADM-NOISE-002', providerCode: 'JC-D01' })
    assert.include(rules(sameName), 'nameZh:oneDataOneSource')
  })

  test('shape errors are 422 with the field named; store internals cannot be assigned', async ({
    client,
    assert,
  }) => {
    const bad = await create(client, {
      code: 'lower case!',
      grade: 'secret',
      fields: [
        { name: 'Bad Name', labelZh: 'x', labelEn: 'x', type: 'string' },
        { name: 'ok', labelZh: 'x', labelEn: 'x', type: 'blob' },
      ],
      deliveryModes: [],
      isOpen: 'yes',
      contact: { name: '', phone: '12345' },
    })
    bad.assertStatus(422)
    const fields = bad.body().error.details.map((d: any) => d.field)
    assert.includeMembers(fields, [
      'code',
      'grade',
      'fields.0.name',
      'fields.1.type',
      'deliveryModes',
      'isOpen',
      'contact.name',
      'contact.phone',
    ])

    for (const field of [
      'storeTable',
      'product',
      'version',
      'createdBy',
      'providerOrganisationId',
    ]) {
      const sneaky = await create(client, { [field]: 'x' })
      sneaky.assertStatus(422)
      assert.equal(sneaky.body().error.code, 'E_UNKNOWN_FIELDS', field)
    }

    const duplicateFields = await create(client, {
      fields: [
        { name: 'a', labelZh: 'a', labelEn: 'a', type: 'string' },
        { name: 'a', labelZh: 'b', labelEn: 'b', type: 'string' },
      ],
    })
    assert.include(rules(duplicateFields), 'fields.1.name:fields.distinct')
    const noFields = await create(client, { fields: [] })
    assert.include(rules(noFields), 'fields:fields.required')
    ;(await create(client, { fields: [], format: 'document' })).assertStatus(201)
  })

  test('metadata history records who changed what, when; stale versions get 409', async ({
    client,
    assert,
  }) => {
    const admin = await demoUser('catalogadmin')
    const id = (await create(client)).body().data.id

    const update = await client
      .patch(`${DATASETS}/${id}`)
      .json({
        version: 1,
        grade: 'important',
        isOpen: false,
        nameEn: 'Urban noise grid monitoring',
      })
      .withGuard('api')
      .loginAs(admin)
    update.assertStatus(200)
    assert.equal(update.body().data.version, 2)

    const stale = await client
      .patch(`${DATASETS}/${id}`)
      .json({ version: 1, nameEn: 'Lost update' })
      .withGuard('api')
      .loginAs(admin)
    stale.assertStatus(409)
    assert.equal(stale.body().error.code, 'E_CONFLICT')

    const noChange = await client
      .patch(`${DATASETS}/${id}`)
      .json({ version: 2, grade: 'important' })
      .withGuard('api')
      .loginAs(admin)
    assert.equal(noChange.body().data.version, 2, 'an edit that changes nothing is no new version')

    const retire = await client
      .post(`${DATASETS}/${id}/retire`)
      .json({ version: 2, reason: '并入网格化监测数据集' })
      .withGuard('api')
      .loginAs(admin)
    retire.assertStatus(200)
    assert.equal(retire.body().data.status, 'retired')

    const staff = await demoUser('applicant')
    const history = await client.get(`${DATASETS}/${id}/history`).withGuard('api').loginAs(admin)
    history.assertStatus(200)
    const versions = history.body().data
    assert.deepEqual(
      versions.map((v: any) => [v.version, v.action, v.actor]),
      [
        [3, 'retire', 'catalogadmin'],
        [2, 'update', 'catalogadmin'],
        [1, 'create', 'catalogadmin'],
      ]
    )
    assert.deepEqual(versions[1].changes.grade, { from: 'general', to: 'important' })
    assert.deepEqual(versions[1].changes.nameEn, {
      from: 'Urban area noise monitoring',
      to: 'Urban noise grid monitoring',
    })
    assert.sameMembers(Object.keys(versions[1].changes), ['grade', 'nameEn'])
    assert.deepEqual(versions[0].changes.status, { from: 'published', to: 'retired' })
    assert.match(versions[0].changedAt, /^\d{4}-\d{2}-\d{2}T/)
    assert.equal(versions[2].changes.contact.to.phone, '027****1234', 'history keeps phones masked')

    const events = await auditRows('dataset.retire')
    assert.equal(JSON.parse(events[0].details).reason, '并入网格化监测数据集')
    ;(await client.get(`${DATASETS}/${id}`).withGuard('api').loginAs(staff)).assertStatus(404)
    const search = await client.get(`${DATASETS}?q=ADM-NOISE-001`).withGuard('api').loginAs(staff)
    assert.equal(search.body().meta.total, 0, 'retired datasets leave search')
  })

  test('upsertDataset from code is idempotent and versions real changes', async ({ assert }) => {
    const definition = fixtureDefinition({ code: 'CODE-DEFINED-001', nameZh: '代码声明的数据集' })
    const first = await upsertDataset(definition)
    assert.isTrue(first.changed)
    const again = await upsertDataset(definition)
    assert.isFalse(again.changed)
    assert.equal(again.dataset.version, 1)
    const changed = await upsertDataset({ ...definition, updateFrequency: 'monthly' })
    assert.isTrue(changed.changed)
    const stored = await Dataset.findByOrFail('code', 'CODE-DEFINED-001')
    assert.equal(stored.version, 2)
    assert.equal(stored.updateFrequency, 'monthly')
    assert.lengthOf(await auditRows('dataset.update'), 1)
    await assert.rejects(() =>
      upsertDataset({ ...definition, code: 'CODE-DEFINED-002', sharingAttribute: 'conditional' })
    )
  })
})
