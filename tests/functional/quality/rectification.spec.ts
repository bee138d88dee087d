import { test } from '@japa/runner'
import workflowRuntime from '#services/workflow_runtime'
import clock from '#services/clock'
import { auditRows } from '#tests/helpers'
import { requestGroup } from '../requests/fixtures.js'
import { asUser } from '../requests/http.js'

const fix = { actionsTaken: '补录缺失的小时数据并修正单位', evidence: ['补录记录.xlsx'] }

async function open(client: any, overrides: Record<string, unknown> = {}) {
  const response = await asUser(client, 'catalogadmin').post('/api/v1/quality/cases', {
    datasetCode: 'T-AIR-COND',
    rule: 'completeness',
    description: '2026年11月小时数据缺失率 12%，超过 5% 的要求',
    targetScore: 90,
    ...overrides,
  })
  response.assertStatus(201)
  return response.body().data
}

async function only(client: any, username: string, activityId: string) {
  const tasks = (await asUser(client, username).todo()).filter((t) => t.activityId === activityId)
  if (tasks.length !== 1)
    throw new Error(`${username}: expected one ${activityId}, got ${tasks.length}`)
  return tasks[0]
}

const submit = (client: any, username: string, task: any, values: Record<string, unknown>) =>
  asUser(client, username).op(task, 'submit', { values })

async function caseOf(client: any, code: string) {
  const response = await asUser(client, 'catalogadmin').get(`/api/v1/quality/cases/${code}`)
  response.assertStatus(200)
  return response.body().data
}

test.group('Quality rectification / through the HTTP API', (group) => {
  requestGroup(group)

  test('opened → provider rectifies → recheck passes → catalog admin verifies → closed', async ({
    client,
    assert,
  }) => {
    const qc = await open(client)
    assert.equal(qc.status, 'rectifying')
    assert.equal(qc.round, 1)
    assert.equal(qc.provider.code, 'JC-EEB-MON')
    assert.lengthOf(await auditRows('quality.open'), 1)

    const rectify = await only(client, 'ownerreviewer', 'rectify')
    assert.equal(rectify.formKey, 'rectification_form')
    ;(await submit(client, 'ownerreviewer', rectify, { ...fix, measuredScore: 96 })).assertStatus(
      204
    )
    assert.equal((await caseOf(client, qc.code)).status, 'verifying')

    const verify = await only(client, 'catalogadmin', 'verify')
    ;(
      await submit(client, 'catalogadmin', verify, { verified: true, opinion: '复核无误，结案' })
    ).assertStatus(204)
    const closed = await caseOf(client, qc.code)
    assert.equal(closed.status, 'closed')
    assert.isNotNull(closed.closedAt)
    const types = closed.timeline.map((e: any) => e.type)
    assert.includeMembers(types, ['task_completed', 'action_submit', 'instance_completed'])
  })

  test('a failed recheck and a refused verification each open a new round', async ({
    client,
    assert,
  }) => {
    const qc = await open(client)
    let rectify = await only(client, 'ownerreviewer', 'rectify')
    ;(await submit(client, 'ownerreviewer', rectify, { ...fix, measuredScore: 80 })).assertStatus(
      204
    )
    let current = await caseOf(client, qc.code)
    assert.equal(current.status, 'rectifying')
    assert.equal(current.round, 2, 'the platform recheck failed: round two')

    rectify = await only(client, 'ownerreviewer', 'rectify')
    ;(await submit(client, 'ownerreviewer', rectify, { ...fix, measuredScore: 93 })).assertStatus(
      204
    )
    const verify = await only(client, 'catalogadmin', 'verify')
    ;(
      await submit(client, 'catalogadmin', verify, { verified: false, opinion: '抽查仍有缺测' })
    ).assertStatus(204)
    current = await caseOf(client, qc.code)
    assert.equal(current.round, 3)
    assert.equal(current.status, 'rectifying')
  })

  test('an overdue round brings in the provider’s head (or the process admins), rectifying goes on', async ({
    client,
    assert,
  }) => {
    const qc = await open(client, { roundWorkingDays: 2 })
    clock.travel({ days: 10 })
    await workflowRuntime.settle()
    const current = await caseOf(client, qc.code)
    assert.isTrue(current.escalated)
    const escalation = current.currentTasks.find((t: any) => t.activityId === 'escalate')
    assert.exists(escalation, 'the escalation step is open')
    assert.exists(
      current.currentTasks.find((t: any) => t.activityId === 'rectify'),
      'the rectification step stays open (non-interrupting timer)'
    )
    const rectify = await only(client, 'ownerreviewer', 'rectify')
    ;(await submit(client, 'ownerreviewer', rectify, { ...fix, measuredScore: 95 })).assertStatus(
      204
    )
    assert.equal((await caseOf(client, qc.code)).status, 'verifying')
  })

  test('form values are checked against the form schema; only the right people open and see cases', async ({
    client,
    assert,
  }) => {
    const qc = await open(client)
    const rectify = await only(client, 'ownerreviewer', 'rectify')
    const missing = await submit(client, 'ownerreviewer', rectify, { actionsTaken: '已整改' })
    missing.assertStatus(422)
    assert.equal(missing.body().error.details[0].field, 'evidence')
    const range = await submit(client, 'ownerreviewer', rectify, { ...fix, measuredScore: 150 })
    assert.equal(range.body().error.details[0].rule, 'maximum')
    const extra = await submit(client, 'ownerreviewer', rectify, { ...fix, approved: true })
    assert.equal(extra.body().error.code, 'E_UNKNOWN_FIELDS')
    const typed = await submit(client, 'ownerreviewer', rectify, { ...fix, measuredScore: '96' })
    assert.equal(typed.body().error.details[0].rule, 'type')
    // A review node does not take a form submission, and a form node has no approve button.
    ;(
      await asUser(client, 'ownerreviewer').decide(rectify, { action: 'approve', opinion: '同意' })
    ).assertStatus(422)

    ;(
      await asUser(client, 'ownerreviewer').post('/api/v1/quality/cases', {
        datasetCode: 'T-AIR-COND',
        rule: 'x',
        description: 'y',
        targetScore: 90,
      })
    ).assertStatus(403)
    const unknown = await asUser(client, 'catalogadmin').post('/api/v1/quality/cases', {
      datasetCode: 'NOPE',
      rule: 'x',
      description: 'y',
      targetScore: 90,
    })
    unknown.assertStatus(422)
    ;(await asUser(client, 'enterprise').get(`/api/v1/quality/cases/${qc.code}`)).assertStatus(403)
    const mine = await asUser(client, 'ownerreviewer').get('/api/v1/quality/cases')
    assert.deepEqual(
      mine.body().data.map((c: any) => c.code),
      [qc.code]
    )
    const theirs = await asUser(client, 'enterprise').get('/api/v1/quality/cases')
    assert.lengthOf(theirs.body().data, 0)
  })
})
