import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DEMO_PASSWORD, demoUser, isolate } from '#tests/helpers'

async function runVerify() {
  const ace = await app.container.make('ace')
  const command = await ace.exec('audit:verify', [])
  return command.exitCode ?? 0
}

async function someEvents(client: any) {
  await client.post('/api/v1/auth/login').json({ username: 'applicant', password: DEMO_PASSWORD })
  await client.post('/api/v1/auth/login').json({ username: 'applicant', password: 'Wrong@Pass123' })
  await client.post('/api/v1/auth/login').json({ username: 'auditadmin', password: DEMO_PASSWORD })
}

test.group('Audit trail', (group) => {
  isolate(group)

  test('audit admin lists events newest first with an explicit UTC offset, and filters them', async ({
    client,
    assert,
  }) => {
    await someEvents(client)
    const auditor = await demoUser('auditadmin')
    const all = await client.get('/api/v1/audit/events').withGuard('api').loginAs(auditor)
    all.assertStatus(200)
    const events = all.body().data
    assert.isAbove(events.length, 2)
    assert.isAbove(events[0].seq, events[1].seq)
    assert.match(events[0].occurredAt, /\+00:00$/)
    const failures = await client
      .get('/api/v1/audit/events')
      .qs({ action: 'auth.login', result: 'failure' })
      .withGuard('api')
      .loginAs(auditor)
    assert.lengthOf(failures.body().data, 1)
    assert.equal(failures.body().data[0].details.reason, 'wrong_password')
    const byActor = await client
      .get('/api/v1/audit/events')
      .qs({ actor: 'applicant' })
      .withGuard('api')
      .loginAs(auditor)
    assert.isTrue(byActor.body().data.every((e: any) => e.actorUsername === 'applicant'))
    const future = await client
      .get('/api/v1/audit/events')
      .qs({ from: '2999-01-01T00:00:00Z' })
      .withGuard('api')
      .loginAs(auditor)
    assert.lengthOf(future.body().data, 0)
    const badDate = await client
      .get('/api/v1/audit/events')
      .qs({ from: 'yesterday' })
      .withGuard('api')
      .loginAs(auditor)
    badDate.assertStatus(422)
  })

  test('CSV export has a BOM, a header and the filtered rows, and is itself audited', async ({
    client,
    assert,
  }) => {
    await someEvents(client)
    const response = await client
      .get('/api/v1/audit/events.csv')
      .qs({ action: 'auth.login' })
      .withGuard('api')
      .loginAs(await demoUser('auditadmin'))
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /text\/csv/)
    const text = response.text()
    assert.isTrue(text.startsWith('\uFEFFseq,occurred_at'))
    const lines = text.trim().split('\r\n')
    assert.lengthOf(lines, 1 + 3)
    assert.isTrue(lines.slice(1).every((l) => l.includes(',auth.login,')))
    assert.equal(
      (await db.from('audit_events').where('action', 'audit.export').count('* as n'))[0].n,
      1
    )
  })

  test('the system admin cannot read the audit trail (三权分立)', async ({ client }) => {
    const admin = await demoUser('sysadmin')
    ;(await client.get('/api/v1/audit/events').withGuard('api').loginAs(admin)).assertStatus(403)
    ;(await client.get('/api/v1/audit/events.csv').withGuard('api').loginAs(admin)).assertStatus(
      403
    )
  })

  test('no API route changes or deletes audit records, even for the audit admin', async ({
    client,
  }) => {
    const auditor = await demoUser('auditadmin')
    ;(await client.delete('/api/v1/audit/events').withGuard('api').loginAs(auditor)).assertStatus(
      404
    )
    ;(
      await client
        .patch('/api/v1/audit/events/1')
        .json({ result: 'success' })
        .withGuard('api')
        .loginAs(auditor)
    ).assertStatus(404)
  })

  test('audit:verify passes on an intact chain', async ({ client, assert }) => {
    await someEvents(client)
    assert.equal(await runVerify(), 0)
    const api = await client
      .get('/api/v1/audit/verify')
      .withGuard('api')
      .loginAs(await demoUser('auditadmin'))
    assert.isTrue(api.body().data.ok)
  })

  test('audit:verify detects an edited row', async ({ client, assert }) => {
    await someEvents(client)
    const row = await db
      .from('audit_events')
      .where('action', 'auth.login')
      .where('result', 'failure')
      .firstOrFail()
    await db.from('audit_events').where('id', row.id).update({ result: 'success' })
    assert.equal(await runVerify(), 1)
    const api = await client
      .get('/api/v1/audit/verify')
      .withGuard('api')
      .loginAs(await demoUser('auditadmin'))
    assert.deepInclude(api.body().data.breaks, { seq: Number(row.seq), reason: 'hash_mismatch' })
  })

  test('audit:verify detects a deleted row in the middle', async ({ client, assert }) => {
    await someEvents(client)
    const row = await db
      .from('audit_events')
      .where('action', 'auth.login')
      .where('result', 'failure')
      .firstOrFail()
    await db.from('audit_events').where('id', row.id).delete()
    assert.equal(await runVerify(), 1)
  })

  test('audit:verify detects a deleted last row', async ({ client, assert }) => {
    await someEvents(client)
    const last = await db.from('audit_events').orderBy('seq', 'desc').firstOrFail()
    await db.from('audit_events').where('id', last.id).delete()
    assert.equal(await runVerify(), 1)
  })
})
