import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import workflowRuntime from '#services/workflow_runtime'
import clock from '#services/clock'
import { sideEffects } from '#workflow/tasks/side_effects'
import { auditRows } from '#tests/helpers'
import { form, requestGroup } from './fixtures.js'
import { asUser } from './http.js'

/*
 * This test's requests and their grants as the engine reports them through the port (not the
 * embedded engine's tables: the suite also runs on Operaton).
 */
async function counts(codes: string[]) {
  const port = await workflowRuntime.port()
  const found = await Promise.all(
    codes.flatMap((code) => [
      port.findInstance('data_request', code),
      port.findInstance('sharing_grant', `grant-${code}`),
    ])
  )
  const instances = found.filter((instance) => instance !== null)
  let openTasks = 0
  let pendingTimers = 0
  for (const instance of instances) {
    openTasks += (await port.queryTasks({ instanceId: instance.id, status: 'open' })).length
    pendingTimers += (await port.pendingTimers(instance.id)).length
  }
  return {
    instances: instances.length,
    running: instances.filter((instance) => instance.status === 'running').length,
    openTasks,
    pendingTimers,
  }
}

/*
 * The app's engine is dropped mid-process (what a killed server leaves: only the database), then
 * the same people carry on through the HTTP API. Nothing is lost, nothing happens twice.
 */
test.group('Requests / restart of the app’s engine', (group) => {
  requestGroup(group)

  test('requests at four wait states and a pending expiry timer carry on after a restart', async ({
    client,
    assert,
  }) => {
    const applicant = asUser(client, 'applicant')
    const head = asUser(client, 'deptreviewer')
    const owner = asUser(client, 'ownerreviewer')
    const validUntil = clock.now().plus({ days: 20 }).toISODate()
    // 1: granted at once (its sharing grant waits on the expiry timer)
    const granted = (await applicant.submit(form(['T-AIR-OPEN'], { validUntil }))).body().data.code
    // 2: at the department head; 3: at the owner; 4: returned to the applicant
    const atHead = (await applicant.submit(form(['T-AIR-COND']))).body().data.code
    const atOwner = (await applicant.submit(form(['T-AIR-COND'], { purpose: '第三个' }))).body()
      .data.code
    const returned = (await applicant.submit(form(['T-AIR-COND'], { purpose: '第四个' }))).body()
      .data.code
    for (const task of await head.todo()) {
      if (task.requestCode === atOwner)
        (await head.decide(task, { action: 'approve', opinion: '同意' })).assertStatus(204)
      if (task.requestCode === returned)
        (await head.decide(task, { action: 'return', opinion: '请补充' })).assertStatus(204)
    }
    const codes = [granted, atHead, atOwner, returned]
    const before = await counts(codes)
    assert.equal(before.pendingTimers, 1)
    const ours = async (kind: string) =>
      (await sideEffects(kind)).filter((row: any) => codes.some((c) => row.effect_key.includes(c)))
    const grantsBefore = (await ours('grant')).length

    workflowRuntime.reset()

    assert.deepEqual(await counts(codes), before, 'a restart alone changes nothing')
    const [headTask] = await head.todo()
    assert.equal(headTask.requestCode, atHead)
    ;(await head.decide(headTask, { action: 'approve', opinion: '同意' })).assertStatus(204)
    for (const task of await owner.todo())
      (await owner.decide(task, { action: 'approve', opinion: '同意' })).assertStatus(204)
    const returnedDetail = (await applicant.detail(returned)).body().data
    assert.equal(returnedDetail.status, 'returned')
    ;(
      await applicant.post(`/api/v1/requests/${returned}/amend`, {
        ...form(['T-AIR-COND'], { purpose: '第四个（已补充）' }),
        version: returnedDetail.version,
      })
    ).assertStatus(200)
    workflowRuntime.reset()
    const [again] = await head.todo()
    ;(await head.decide(again, { action: 'approve', opinion: '同意' })).assertStatus(204)
    const [last] = await owner.todo()
    ;(await owner.decide(last, { action: 'approve', opinion: '同意' })).assertStatus(204)

    for (const code of codes)
      assert.equal((await applicant.detail(code)).body().data.status, 'approved', code)
    const grants = await ours('grant')
    assert.lengthOf(grants, grantsBefore + 3, 'one grant per request, none twice')

    // The expiry timer set before the first restart still fires once, after another restart.
    const grantRows = () =>
      db.from('grants').whereIn(
        'code',
        codes.map((c) => `grant-${c}`)
      )
    assert.deepEqual(
      (await grantRows()).map((g: any) => g.status),
      ['active', 'active', 'active', 'active']
    )
    workflowRuntime.reset()
    clock.travel({ days: 25 })
    await workflowRuntime.settle()
    await workflowRuntime.settle()
    const expired = (await grantRows()).filter((g: any) => g.status === 'expired')
    assert.deepEqual(
      expired.map((g: any) => g.code),
      [`grant-${granted}`],
      'only the 20-day grant expired, once'
    )
    assert.lengthOf(await auditRows('grant.expire'), 1)
    const after = await counts(codes)
    assert.equal(after.openTasks, 0)
    assert.equal(after.instances, before.instances + 3, 'three more sharing grants, no duplicates')
  })
})
