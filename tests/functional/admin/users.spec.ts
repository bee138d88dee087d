import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { DEMO_PASSWORD, auditRows, demoUser, isolate } from '#tests/helpers'

const valid = () => ({
  username: 'zhang.san',
  displayName: '张三',
  email: 'zhangsan@example.gov.cn',
  phone: '13812345678',
  organisationId: 1,
  roles: ['applicant'],
  password: 'Strong#Pass2026',
})

test.group('Admin / users', (group) => {
  isolate(group)

  test('system admin creates a user: audited, phone encrypted at rest and masked', async ({
    client,
    assert,
  }) => {
    const admin = await demoUser('sysadmin')
    const response = await client
      .post('/api/v1/admin/users')
      .json(valid())
      .withGuard('api')
      .loginAs(admin)
    response.assertStatus(201)
    assert.equal(response.body().data.phone, '138****5678')
    assert.notProperty(response.body().data, 'password')
    const row = await db.from('users').where('username', 'zhang.san').firstOrFail()
    assert.notInclude(row.phone_encrypted, '13812345678')
    assert.notEqual(row.password, 'Strong#Pass2026')
    const audit = await auditRows('user.create').first()
    assert.equal(audit.object_id, String(row.id))
    assert.notInclude(audit.details, 'Strong#Pass2026')
    ;(
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'zhang.san', password: 'Strong#Pass2026' })
    ).assertStatus(200)
  })

  test('mass assignment on create is refused with 422 and writes nothing', async ({
    client,
    assert,
  }) => {
    const admin = await demoUser('sysadmin')
    for (const extra of [
      { status: 'disabled' },
      { failedLoginCount: 0 },
      { id: 999 },
      { role: 'system_admin' },
      { lockedUntil: null },
    ]) {
      const response = await client
        .post('/api/v1/admin/users')
        .json({ ...valid(), ...extra })
        .withGuard('api')
        .loginAs(admin)
      response.assertStatus(422)
      assert.equal(response.body().error.code, 'E_UNKNOWN_FIELDS')
    }
    assert.isNull(await User.findBy('username', 'zhang.san'))
  })

  test('mass assignment on update is refused', async ({ client, assert }) => {
    const admin = await demoUser('sysadmin')
    const target = await demoUser('applicant')
    for (const extra of [
      { username: 'root' },
      { password_hash: 'x' },
      { organisation_id: 2 },
      { createdAt: '2020-01-01' },
    ]) {
      const response = await client
        .patch(`/api/v1/admin/users/${target.id}`)
        .json(extra)
        .withGuard('api')
        .loginAs(admin)
      response.assertStatus(422)
    }
    assert.equal((await demoUser('applicant')).username, 'applicant')
  })

  test('validation errors are per field, in Chinese by default and English on request', async ({
    client,
    assert,
  }) => {
    const admin = await demoUser('sysadmin')
    const bad = {
      username: 'X',
      displayName: '',
      organisationId: 'abc',
      roles: ['god'],
      password: 'short',
    }
    const zh = await client.post('/api/v1/admin/users').json(bad).withGuard('api').loginAs(admin)
    zh.assertStatus(422)
    const fields = zh.body().error.details.map((d: any) => d.field)
    assert.includeMembers(fields, ['username', 'organisationId', 'password'])
    assert.match(zh.body().error.message, /校验/)
    const en = await client
      .post('/api/v1/admin/users')
      .json(bad)
      .header('accept-language', 'en')
      .withGuard('api')
      .loginAs(admin)
    assert.equal(en.body().error.message, 'The request is invalid')
  })

  test('password policy: length, character classes, no username inside', async ({ client }) => {
    const admin = await demoUser('sysadmin')
    for (const password of ['Ab1!short', 'alllowercase123', 'Zhang.san#2026X']) {
      const response = await client
        .post('/api/v1/admin/users')
        .json({ ...valid(), password })
        .withGuard('api')
        .loginAs(admin)
      response.assertStatus(422)
    }
  })

  test('duplicate username and unknown organisation are 422, not 500', async ({
    client,
    assert,
  }) => {
    const admin = await demoUser('sysadmin')
    const dup = await client
      .post('/api/v1/admin/users')
      .json({ ...valid(), username: 'applicant' })
      .withGuard('api')
      .loginAs(admin)
    dup.assertStatus(422)
    assert.equal(dup.body().error.details[0].field, 'username')
    const org = await client
      .post('/api/v1/admin/users')
      .json({ ...valid(), organisationId: 99999 })
      .withGuard('api')
      .loginAs(admin)
    org.assertStatus(422)
    assert.equal(org.body().error.details[0].field, 'organisationId')
  })

  test('list is paginated and filterable by role and keyword', async ({ client, assert }) => {
    const admin = await demoUser('secadmin')
    const page = await client
      .get('/api/v1/admin/users')
      .qs({ perPage: 3, page: 2 })
      .withGuard('api')
      .loginAs(admin)
    page.assertStatus(200)
    assert.lengthOf(page.body().data, 3)
    assert.equal(page.body().meta.currentPage, 2)
    const byRole = await client
      .get('/api/v1/admin/users')
      .qs({ role: 'audit_admin' })
      .withGuard('api')
      .loginAs(admin)
    assert.deepEqual(
      byRole.body().data.map((u: any) => u.username),
      ['auditadmin']
    )
    const byKeyword = await client
      .get('/api/v1/admin/users')
      .qs({ q: '审计' })
      .withGuard('api')
      .loginAs(admin)
    assert.deepEqual(
      byKeyword.body().data.map((u: any) => u.username),
      ['auditadmin']
    )
    const unknownFilter = await client
      .get('/api/v1/admin/users')
      .qs({ isAdmin: 1 })
      .withGuard('api')
      .loginAs(admin)
    unknownFilter.assertStatus(422)
  })

  test('security admin unlocks a locked account', async ({ client, assert }) => {
    for (let i = 0; i < 5; i++)
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: `Nope@Pass${i}xx` })
    ;(
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: DEMO_PASSWORD })
    ).assertStatus(401)
    const target = await demoUser('applicant')
    const unlock = await client
      .post(`/api/v1/admin/users/${target.id}/unlock`)
      .withGuard('api')
      .loginAs(await demoUser('secadmin'))
    unlock.assertStatus(200)
    assert.isNull(unlock.body().data.lockedUntil)
    ;(
      await client
        .post('/api/v1/auth/login')
        .json({ username: 'applicant', password: DEMO_PASSWORD })
    ).assertStatus(200)
    assert.lengthOf(await auditRows('user.unlock'), 1)
  })

  test('role change is audited with the new roles', async ({ client, assert }) => {
    const target = await demoUser('applicant')
    const response = await client
      .patch(`/api/v1/admin/users/${target.id}`)
      .json({ roles: ['applicant', 'catalog_admin'] })
      .withGuard('api')
      .loginAs(await demoUser('sysadmin'))
    response.assertStatus(200)
    assert.deepEqual(response.body().data.roles, ['applicant', 'catalog_admin'])
    const audit = await auditRows('user.update').first()
    assert.deepEqual(JSON.parse(audit.details).roles, ['applicant', 'catalog_admin'])
  })
})
