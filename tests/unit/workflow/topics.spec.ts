import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import clock from '#services/clock'
import { recordSideEffect } from '#workflow/tasks/side_effects'
import { GroupResolver } from '#workflow/tasks/group_resolver'
import { defineTopic } from '#workflow/tasks/topic_helpers'
import type { LockedExternalTask, TopicContext } from '#workflow/types'
import complianceCheck from '../../../workflows/topics/request_compliance_check.js'
import tallyReviews from '../../../workflows/topics/request_tally_reviews.js'
import { demoUser } from '#tests/helpers'

const context: TopicContext = {
  history: async () => [],
  extendLock: async () => {},
  startProcess: async () => {
    throw new Error('not used')
  },
}

function task(variables: Record<string, unknown>): LockedExternalTask {
  return {
    id: randomUUID(),
    topic: 't',
    workerId: 'w',
    instanceId: 'i',
    businessKey: 'b',
    processKey: 'data_request',
    activityId: 'a',
    variables,
    retries: null,
    lockExpiresAt: new Date().toISOString(),
  }
}

const ds = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  sharingAttribute: 'conditional',
  grade: 'general',
  ownerOrg: 'A',
  ...extra,
})

test.group('workflow topics', (group) => {
  group.each.teardown(() => clock.reset())

  test('compliance check derives the route from the datasets’ labels', async ({ assert }) => {
    const run = async (datasets: unknown[], extra = {}) =>
      (
        (await complianceCheck.handler(
          task({ datasets, applicantOrg: 'ORG', applicantInternal: true, ...extra }),
          context
        )) as any
      ).variables
    assert.deepInclude(await run([ds('X', { sharingAttribute: 'unconditional' })]), {
      autoApprove: true,
      needsDeptReview: false,
      needsSecurityReview: false,
      approvedDatasets: ['X'],
    })
    assert.deepInclude(await run([ds('X')]), {
      autoApprove: false,
      needsDeptReview: true,
      needsSecurityReview: false,
      deptHeadGroup: 'org:ORG:head',
    })
    assert.deepInclude(await run([ds('X')], { applicantInternal: false }), {
      needsDeptReview: false,
    })
    assert.deepInclude(await run([ds('X', { sharingAttribute: 'unconditional', grade: 'core' })]), {
      autoApprove: false,
      maxGrade: 'core',
      needsSecurityReview: true,
    })
    assert.deepInclude(await run([ds('X', { sharingAttribute: 'unconditional', secret: true })]), {
      autoApprove: false,
      needsSecurityReview: true,
    })
    const split = await run([
      ds('X', { ownerOrg: 'B' }),
      ds('Y', { ownerOrg: 'A' }),
      ds('Z', { ownerOrg: 'B' }),
    ])
    assert.deepEqual(split.ownerReviews, [
      { org: 'A', group: 'org:A:owner_reviewer', datasets: ['Y'] },
      { org: 'B', group: 'org:B:owner_reviewer', datasets: ['X', 'Z'] },
    ])
    const normal = new Date((await run([ds('X')])).ownerReviewDue).getTime()
    const unpublished = new Date(
      (await run([ds('X', { unpublished: true })])).ownerReviewDue
    ).getTime()
    assert.isAbove(unpublished - normal, 4 * 86_400_000, '10 instead of 5 working days')
  })

  test('不予共享 is a BPMN error carrying the legal basis; malformed input is a technical failure', async ({
    assert,
  }) => {
    const outcome = await complianceCheck.handler(
      task({
        datasets: [ds('X'), ds('N', { sharingAttribute: 'none', legalBasis: '法规第3条' })],
        applicantOrg: 'O',
      }),
      context
    )
    assert.deepEqual(outcome, {
      bpmnError: 'SHARING_REFUSED',
      variables: { refusedDatasets: ['N'], rejectionReason: 'N: 法规第3条' },
    })
    await assert.rejects(
      () => complianceCheck.handler(task({ datasets: 'X', applicantOrg: 'O' }), context),
      /datasets/
    )
  })

  test('the tally keeps each owner’s latest decision and the approved codes only', async ({
    assert,
  }) => {
    const completion = (org: string, variables: Record<string, unknown>, id: number) => ({
      id,
      instanceId: 'i',
      type: 'task_completed',
      activityId: 'owner_review',
      taskId: null,
      actor: null,
      occurredAt: '',
      data: { variables, local: { ownerReview: { org } } },
    })
    const history = async () => [
      completion('A', { approved: false }, 1),
      completion('B', { approved: true }, 2),
      completion('A', { approved: true, approvedCodes: ['A1'] }, 3),
    ]
    const outcome = (await tallyReviews.handler(
      task({
        datasets: [
          ds('A1', { ownerOrg: 'A' }),
          ds('A2', { ownerOrg: 'A' }),
          ds('B1', { ownerOrg: 'B' }),
        ],
      }),
      { ...context, history }
    )) as any
    assert.deepEqual(outcome.variables, {
      approvedDatasets: ['A1', 'B1'],
      anyApproved: true,
      partialGrant: true,
    })
  })

  test('back-off doubles per failed attempt up to its cap', ({ assert }) => {
    const topic = defineTopic({
      topic: 'x',
      lockDurationMs: 1,
      retries: 5,
      backoff: { baseMs: 1000, maxMs: 5000 },
      handler: async () => ({}),
    })
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => topic.retryTimeoutMs(n)),
      [1000, 2000, 4000, 5000]
    )
  })

  test('a side effect keyed twice happens once', async ({ assert }) => {
    const key = `test:${randomUUID()}`
    const results = await Promise.all([
      recordSideEffect(key, 'test', { n: 1 }),
      recordSideEffect(key, 'test', { n: 2 }),
    ])
    assert.deepEqual(results.map((r) => r.created).sort(), [false, true])
    assert.isFalse((await recordSideEffect(key, 'test', { n: 3 })).created)
  })

  test('candidate groups of a user come from roles, organisation and headship', async ({
    assert,
  }) => {
    const groups = await new GroupResolver().groupsFor(await demoUser('deptreviewer'))
    assert.includeMembers(groups, [
      'role:dept_reviewer',
      'org:JC-WR:dept_reviewer',
      'org:JC-WR:head',
    ])
    const applicant = await new GroupResolver().groupsFor(await demoUser('applicant'))
    assert.notInclude(applicant, 'org:JC-WR:head')
  })
})
