import { test } from '@japa/runner'
import Organisation from '#models/organisation'
import { auditRows, demoUser, isolate } from '#tests/helpers'

function flatten(nodes: any[]): any[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)])
}

test.group('Admin / organisations', (group) => {
  isolate(group)

  test('the tree holds the city bureau, its divisions, 12 districts, 20 departments, enterprises and the public', async ({
    client,
    assert,
  }) => {
    const response = await client
      .get('/api/v1/admin/organisations/tree')
      .withGuard('api')
      .loginAs(await demoUser('sysadmin'))
    response.assertStatus(200)
    const all = flatten(response.body().data)
    const bureau = response.body().data.find((n: any) => n.type === 'city_bureau')
    assert.equal(bureau.name, '江城市生态环境局')
    assert.lengthOf(
      bureau.children.filter((n: any) => n.type === 'district_bureau'),
      12
    )
    assert.isAbove(bureau.children.filter((n: any) => n.type === 'division').length, 5)
    assert.lengthOf(
      all.filter((n) => n.type === 'city_department'),
      20
    )
    assert.isAbove(all.filter((n) => n.type === 'enterprise').length, 0)
    assert.lengthOf(
      all.filter((n) => n.type === 'public'),
      1
    )
    for (const enterprise of all.filter((n) => n.type === 'enterprise'))
      assert.lengthOf(enterprise.creditCode, 18)
    const water = all.find((n) => n.code === 'JC-WR')
    assert.equal(water.headUser.displayName, '王处长')
  })

  test('create validates the credit code check character and audits', async ({
    client,
    assert,
  }) => {
    const admin = await demoUser('sysadmin')
    const bad = await client
      .post('/api/v1/admin/organisations')
      .json({
        code: 'ENT-NEW',
        name: '新企业有限公司',
        type: 'enterprise',
        creditCode: '91420100MA00050001',
      })
      .withGuard('api')
      .loginAs(admin)
    bad.assertStatus(422)
    assert.equal(bad.body().error.details[0].field, 'creditCode')
    const good = await client
      .post('/api/v1/admin/organisations')
      .json({
        code: 'ent-new',
        name: '新企业有限公司',
        type: 'enterprise',
        creditCode: '91350100M000100Y43',
      })
      .withGuard('api')
      .loginAs(admin)
    good.assertStatus(201)
    assert.equal(good.body().data.code, 'ENT-NEW')
    assert.lengthOf(await auditRows('organisation.create'), 1)
  })

  test('moving an organisation under its own descendant is refused', async ({ client, assert }) => {
    const admin = await demoUser('sysadmin')
    const bureau = await Organisation.findByOrFail('code', 'JC-EEB')
    const division = await Organisation.findByOrFail('code', 'JC-EEB-IT')
    const response = await client
      .patch(`/api/v1/admin/organisations/${bureau.id}`)
      .json({ parentId: division.id })
      .withGuard('api')
      .loginAs(admin)
    response.assertStatus(422)
    assert.equal(response.body().error.details[0].rule, 'cycle')
  })

  test('the head must belong to the organisation; type and code cannot be changed by update', async ({
    client,
  }) => {
    const admin = await demoUser('sysadmin')
    const org = await Organisation.findByOrFail('code', 'JC-WR')
    const outsider = await demoUser('auditadmin')
    ;(
      await client
        .patch(`/api/v1/admin/organisations/${org.id}`)
        .json({ headUserId: outsider.id })
        .withGuard('api')
        .loginAs(admin)
    ).assertStatus(422)
    ;(
      await client
        .patch(`/api/v1/admin/organisations/${org.id}`)
        .json({ type: 'enterprise' })
        .withGuard('api')
        .loginAs(admin)
    ).assertStatus(422)
    ;(
      await client
        .patch(`/api/v1/admin/organisations/${org.id}`)
        .json({ code: 'HACK' })
        .withGuard('api')
        .loginAs(admin)
    ).assertStatus(422)
  })

  test('an unknown id is 404', async ({ client }) => {
    const response = await client
      .patch('/api/v1/admin/organisations/99999')
      .json({ name: '不存在的机构' })
      .withGuard('api')
      .loginAs(await demoUser('sysadmin'))
    response.assertStatus(404)
  })
})
