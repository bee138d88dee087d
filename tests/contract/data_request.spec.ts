import { test } from '@japa/runner'
import clock from '#services/clock'
import { sideEffects } from '#workflow/tasks/side_effects'
import {
  completeOnly,
  createHarness,
  dataset,
  historyTypes,
  newKey,
  openTasks,
  requestVariables,
} from './harness.js'

async function grantsFor(key: string) {
  return (await sideEffects('grant')).filter(
    (row) => row.effect_key === `grant.provision:grant-${key}`
  )
}

test.group('contract: data request paths', (group) => {
  group.each.teardown(() => clock.reset())

  test('unconditional + general data is granted without a human step, and the grant expires', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const { instance } = await h.port.startByKey(
      'data_request',
      key,
      requestVariables([dataset('DS-1', { sharingAttribute: 'unconditional' })])
    )
    await h.settle()
    const done = await h.port.getInstance(instance.id)
    assert.equal(done.status, 'completed')
    assert.deepEqual(done.variables.approvedDatasets, ['DS-1'])
    assert.lengthOf(await h.port.queryTasks({ businessKey: key, status: 'completed' }), 0)
    const grant = await h.port.findInstance('sharing_grant', `grant-${key}`)
    assert.equal(grant!.status, 'running')
    assert.lengthOf(await h.port.pendingTimers(grant!.id), 1)
    assert.lengthOf(await grantsFor(key), 1)

    clock.travel({ days: 31 })
    await h.settle()
    assert.equal((await h.port.getInstance(grant!.id)).status, 'completed')
    assert.include(await historyTypes(h.port, grant!.id), 'external_completed:revoke')
  })

  test('不予共享 data is rejected automatically with its legal basis (BPMN error, not a retry)', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const refused = dataset('DS-SECRET', {
      sharingAttribute: 'none',
      legalBasis: '《数据安全法》第二十一条',
    })
    const { instance } = await h.port.startByKey(
      'data_request',
      key,
      requestVariables([dataset('DS-1'), refused])
    )
    await h.settle()
    const done = await h.port.getInstance(instance.id)
    assert.equal(done.status, 'completed')
    assert.include(String(done.variables.rejectionReason), '《数据安全法》第二十一条')
    assert.deepEqual(done.variables.refusedDatasets, ['DS-SECRET'])
    const types = await historyTypes(h.port, instance.id)
    assert.include(types, 'external_bpmn_error:compliance_check')
    assert.notInclude(types, 'external_failed:compliance_check')
    assert.isNull(await h.port.findInstance('sharing_grant', `grant-${key}`))
  })

  test('internal applicant: dept head → parallel owner reviews → security review → partial grant', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const datasets = [
      dataset('DS-A1', { ownerOrg: 'OWN-A', grade: 'important' }),
      dataset('DS-A2', { ownerOrg: 'OWN-A' }),
      dataset('DS-B1', { ownerOrg: 'OWN-B' }),
    ]
    const { instance } = await h.port.startByKey('data_request', key, requestVariables(datasets))
    await h.settle()

    const [dept] = await openTasks(h.port, key)
    assert.equal(dept.activityId, 'dept_review')
    assert.deepEqual(dept.candidateGroups, ['org:APP-ORG:head'])
    assert.equal(dept.formKey, 'review_form')
    assert.lengthOf(
      await h.port
        .queryTasks({ userId: 'someone', groups: ['org:APP-ORG:head'] })
        .then((t) => t.filter((x) => x.businessKey === key)),
      1
    )
    await completeOnly(h.port, key, 'dept_review', { decision: 'approve', opinion: '同意' }, 'head')
    await h.settle()

    const owners = await openTasks(h.port, key, 'owner_review')
    assert.deepEqual(owners.map((t) => t.candidateGroups[0]).sort(), [
      'org:OWN-A:owner_reviewer',
      'org:OWN-B:owner_reviewer',
    ])
    assert.isNotNull(owners[0].dueAt)
    const ownerA = owners.find((t) => t.candidateGroups[0] === 'org:OWN-A:owner_reviewer')!
    const ownerB = owners.find((t) => t.candidateGroups[0] === 'org:OWN-B:owner_reviewer')!
    await h.port.complete(
      ownerB.id,
      { approved: false, opinion: '不同意' },
      ownerB.version,
      'owner-b'
    )
    assert.lengthOf(await openTasks(h.port, key, 'owner_review'), 1)
    await h.port.complete(
      ownerA.id,
      { approved: true, approvedCodes: ['DS-A1', 'DS-A2'] },
      ownerA.version,
      'owner-a'
    )
    await h.settle()

    await completeOnly(h.port, key, 'security_review', { decision: 'approve' }, 'sec')
    await h.settle()
    const done = await h.port.getInstance(instance.id)
    assert.equal(done.status, 'completed')
    assert.deepEqual(done.variables.approvedDatasets, ['DS-A1', 'DS-A2'])
    assert.isTrue(done.variables.partialGrant)
    const [grant] = await grantsFor(key)
    assert.deepEqual(JSON.parse(grant.data).datasets, ['DS-A1', 'DS-A2'])
  })

  test('external applicant skips the dept review; general data skips the security review', async ({
    assert,
  }) => {
    const h = await createHarness()
    const key = newKey()
    const { instance } = await h.port.startByKey(
      'data_request',
      key,
      requestVariables([dataset('DS-1')], { applicantInternal: false })
    )
    await h.settle()
    const [task] = await openTasks(h.port, key)
    assert.equal(task.activityId, 'owner_review')
    await h.port.complete(task.id, { approved: true }, task.version)
    await h.settle()
    assert.equal((await h.port.getInstance(instance.id)).status, 'completed')
    assert.lengthOf(await grantsFor(key), 1)
  })

  test('a dept-head rejection ends the request without a grant', async ({ assert }) => {
    const h = await createHarness()
    const key = newKey()
    const { instance } = await h.port.startByKey(
      'data_request',
      key,
      requestVariables([dataset('DS-1')])
    )
    await h.settle()
    await completeOnly(h.port, key, 'dept_review', { decision: 'reject', opinion: '用途不明确' })
    await h.settle()
    assert.equal((await h.port.getInstance(instance.id)).status, 'completed')
    assert.include(await historyTypes(h.port, instance.id), 'external_completed:notify_rejected')
    assert.lengthOf(await grantsFor(key), 0)
  })

  test('every owner refusing ends in rejection; a security reviewer can return to the applicant', async ({
    assert,
  }) => {
    const h = await createHarness()
    const refusedKey = newKey()
    await h.port.startByKey(
      'data_request',
      refusedKey,
      requestVariables([dataset('DS-1')], { applicantInternal: false })
    )
    await h.settle()
    await completeOnly(h.port, refusedKey, 'owner_review', { approved: false })
    await h.settle()
    assert.equal((await h.port.findInstance('data_request', refusedKey))!.status, 'completed')
    assert.lengthOf(await grantsFor(refusedKey), 0)

    const key = newKey()
    await h.port.startByKey(
      'data_request',
      key,
      requestVariables([dataset('DS-1', { secret: true })], { applicantInternal: false })
    )
    await h.settle()
    await completeOnly(h.port, key, 'owner_review', { approved: true })
    await h.settle()
    await completeOnly(h.port, key, 'security_review', {
      decision: 'return',
      opinion: '请补充用途',
    })
    const [amend] = await openTasks(h.port, key)
    assert.equal(amend.activityId, 'amend')
    assert.equal(amend.assignee, 'u-applicant')
    await h.port.complete(amend.id, { purpose: '补充后的用途' }, amend.version, 'u-applicant')
    await h.settle()
    assert.deepEqual(
      (await openTasks(h.port, key)).map((t) => t.activityId),
      ['owner_review']
    )
  })
})
