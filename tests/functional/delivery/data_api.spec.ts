import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ProvisionGrant from '#actions/delivery/provision_grant'
import { auditRows, isolate } from '#tests/helpers'
import {
  DATASET,
  GRANTED_FIELDS,
  as,
  data,
  grantThroughRequest,
  issueKey,
  setupDelivery,
} from './fixtures.js'

const key = (row: any) => `${row.station_code}@${row.observed_at.slice(11, 13)}`

test.group('Delivery · from request to data', (group) => {
  isolate(group)
  group.each.setup(() => setupDelivery())

  test('an auto-approved request becomes a grant, a key and rows', async ({ client, assert }) => {
    const grant = await grantThroughRequest(client)
    assert.equal(grant.status, 'active')
    assert.deepEqual(grant.datasets[0].fields, GRANTED_FIELDS)
    assert.deepEqual(grant.datasets[0].labelScope.classificationLevels, ['public', 'internal'])
    assert.deepEqual(grant.deliveryModes, ['api'])
    const issued = await issueKey(client, [grant.id])
    assert.match(issued.secret, /^eco_live_[A-Za-z0-9_-]{43}$/)

    const response = await data(client, issued.secret)
    response.assertStatus(200)
    const rows = response.body().data
    // 12 fixture rows; AS003@03 is labelled sensitive, which a general grant never reaches.
    assert.lengthOf(rows, 11)
    assert.notInclude(rows.map(key), 'AS003@03')
    assert.include(rows.map(key), 'AS002@02')
    assert.deepEqual(Object.keys(rows[0]), GRANTED_FIELDS)
    assert.equal(rows[0].observed_at, '2026-01-01T03:00:00Z')
    assert.isNull(response.body().meta.nextCursor)

    const stored = await db.from('api_keys').where('id', issued.id).firstOrFail()
    assert.notInclude(JSON.stringify(stored), issued.secret)
    const audit = await auditRows('api_key.issue')
    assert.lengthOf(audit, 1)
    assert.notInclude(JSON.stringify(audit), issued.secret.slice(12))
    assert.lengthOf(await auditRows('grant.create'), 1)
  })

  test('grant.provision delivered twice keeps one grant', async ({ client, assert }) => {
    const grant = await grantThroughRequest(client)
    const again = await new ProvisionGrant().handle({
      grantCode: grant.code,
      requestCode: grant.requestCode,
      approvedDatasets: [DATASET],
      validUntil: '2027-01-01',
    })
    assert.equal(again!.grant.id, grant.id)
    assert.isFalse(again!.created)
    const [{ total }] = await db.from('grants').where('code', grant.code).count('* as total')
    assert.equal(Number(total), 1)
  })

  test('fields outside the grant are refused by name, in selection and filters', async ({
    client,
    assert,
  }) => {
    const { secret } = await issueKey(client, [(await grantThroughRequest(client)).id])
    for (const query of ['fields=station_code,so2', 'so2[gte]=1', 'aqi=40', 'aqi[in]=1,2']) {
      const response = await data(client, secret, query)
      response.assertStatus(403)
      assert.equal(response.body().error.code, 'E_FIELDS_NOT_GRANTED', query)
    }
    const denied = await data(client, secret, 'fields=pm25,so2')
    assert.deepEqual(denied.body().error.details, [{ field: 'so2', rule: 'notGranted' }])
    const selected = await data(client, secret, 'fields=station_code,pm25')
    assert.deepEqual(Object.keys(selected.body().data[0]), ['station_code', 'pm25'])
  })

  test('bad filters are 422 naming the field, never 500', async ({ client, assert }) => {
    const { secret } = await issueKey(client, [(await grantThroughRequest(client)).id])
    const cases: [string, string][] = [
      ['pm25[gte]=abc', 'pm25[gte]'],
      ['pm25[like]=1', 'pm25[like]'],
      ['observed_at[lt]=yesterday', 'observed_at[lt]'],
      ['limit=0', 'limit'],
      ['format=xml', 'format'],
      ['sort=pm25', 'sort'],
      ['cursor=abc', 'cursor'],
    ]
    for (const [query, field] of cases) {
      const response = await data(client, secret, query)
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].field, field, query)
    }
    const unknown = await data(client, secret, 'colour=red')
    unknown.assertStatus(422)
    assert.equal(unknown.body().error.code, 'E_UNKNOWN_FIELDS')
  })

  test('equality, ranges, lists and time range combine; the cursor walks every row once', async ({
    client,
    assert,
  }) => {
    const { secret } = await issueKey(client, [(await grantThroughRequest(client)).id])
    const range = await data(
      client,
      secret,
      'pm25[gte]=21&pm25[lte]=31&station_code[in]=AS001,AS002'
    )
    assert.sameMembers(range.body().data.map(key), [
      'AS001@01',
      'AS001@02',
      'AS001@03',
      'AS002@00',
      'AS002@01',
    ])
    const window = await data(client, secret, 'from=2026-01-01T09:00:00&to=2026-01-01T10:00:00')
    assert.sameMembers(window.body().data.map(key), ['AS001@01', 'AS002@01', 'AS003@01'])

    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: any = await data(
        client,
        secret,
        `limit=4&sort=station_code,-observed_at${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      )
      page.assertStatus(200)
      seen.push(...page.body().data.map(key))
      cursor = page.body().meta.nextCursor
    } while (cursor)
    assert.lengthOf(seen, 11)
    assert.equal(new Set(seen).size, 11)
    assert.deepEqual(seen.slice(0, 4), ['AS001@03', 'AS001@02', 'AS001@01', 'AS001@00'])

    const first = await data(client, secret, 'limit=4')
    const next = encodeURIComponent(first.body().meta.nextCursor)
    const other = await data(client, secret, `limit=4&station_code=AS001&cursor=${next}`)
    other.assertStatus(422)
    assert.equal(other.body().error.details[0].rule, 'queryChanged')
    const tampered = next.slice(0, -4) + (next.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    ;(await data(client, secret, `limit=4&cursor=${tampered}`)).assertStatus(422)
  })

  test('row scope of the request holds for JSON, NDJSON and CSV', async ({ client, assert }) => {
    const grant = await grantThroughRequest(client, 'applicant', {
      rowScope: 'district_code=420107',
    })
    assert.deepEqual(grant.rowScope, { districts: ['420107'] })
    const { secret } = await issueKey(client, [grant.id])

    const json = await data(client, secret)
    assert.sameMembers(json.body().data.map(key), ['AS003@00', 'AS003@01', 'AS003@02'])
    // Asking for rows outside the scope returns nothing rather than widening it.
    const outside = await data(client, secret, 'district_code=420102')
    assert.lengthOf(outside.body().data, 0)

    const csv = await data(client, secret, 'format=csv&bom=true&sort=observed_at')
    csv.assertStatus(200)
    assert.include(csv.header('content-type'), 'text/csv')
    const text = csv.text()
    assert.isTrue(text.startsWith('\uFEFFstation_code,observed_at,district_code,pm25\r\n'))
    const lines = text.trim().split('\r\n').slice(1)
    assert.deepEqual(lines, [
      'AS003,2026-01-01T00:00:00Z,420107,40',
      'AS003,2026-01-01T01:00:00Z,420107,41',
      'AS003,2026-01-01T02:00:00Z,420107,42',
    ])

    const ndjson = await data(client, secret, 'format=ndjson')
    const parsed = ndjson
      .text()
      .trim()
      .split('\n')
      .map((line: string) => JSON.parse(line))
    assert.lengthOf(parsed, 4)
    assert.deepEqual(parsed[3], { meta: { rows: 3, nextCursor: null } })
    assert.isTrue(parsed.slice(0, 3).every((row: any) => row.district_code === '420107'))
  })

  test('a dataset outside the grant is 403; an unknown one 404', async ({ client, assert }) => {
    const { secret } = await issueKey(client, [(await grantThroughRequest(client)).id])
    const other = await client.get('/api/v1/data/EQ-AIR-001/records').header('X-API-Key', secret)
    assert.include([403, 404], other.status())
    const missing = await client.get('/api/v1/data/NO-SUCH/records').header('X-API-Key', secret)
    missing.assertStatus(404)
    assert.equal(missing.body().error.code, 'E_DATASET_NOT_FOUND')
  })

  test('only the applicant issues keys, for their own active grants', async ({
    client,
    assert,
  }) => {
    const grant = await grantThroughRequest(client)
    const owner = await as(client, 'enterprise')
    const foreign = await owner.post('/api/v1/api-keys', { name: 'x', grantIds: [grant.id] })
    foreign.assertStatus(404)
    const api = await as(client, 'applicant')
    const massAssign = await api.post('/api/v1/api-keys', {
      name: 'x',
      grantIds: [grant.id],
      status: 'active',
      keyHash: 'x',
    })
    massAssign.assertStatus(422)
    assert.equal(massAssign.body().error.code, 'E_UNKNOWN_FIELDS')
  })
})
