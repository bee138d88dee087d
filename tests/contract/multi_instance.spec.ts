import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import { createHarness, newKey, openTasks } from './harness.js'

const fixture = () => readFile(new URL('./fixtures/votes.bpmn', import.meta.url), 'utf8')

async function vote(h: Awaited<ReturnType<typeof createHarness>>, key: string, voter: string) {
  const [task] = (await openTasks(h.port, key)).filter((t) => t.assignee === voter)
  await h.port.complete(task.id, { decision: 'approve' }, task.version, voter)
  await h.settle()
}

test.group('contract: multi-instance 或签 and 会签', () => {
  test('或签: the first decision ends the node and voids the others; 会签 by quorum; 会签 by all', async ({
    assert,
  }) => {
    const h = await createHarness()
    await h.port.deploy('contract_votes.bpmn', await fixture())
    const key = newKey('VOTE')
    const { instance } = await h.port.startByKey('contract_votes', key, {
      voters: ['a', 'b', 'c'],
      quorum: 2,
    })
    await h.settle()
    let open = await openTasks(h.port, key)
    assert.deepEqual(open.map((t) => `${t.activityId}:${t.assignee}`).sort(), [
      'any_vote:a',
      'any_vote:b',
      'any_vote:c',
    ])

    await vote(h, key, 'b')
    open = await openTasks(h.port, key)
    assert.isTrue(
      open.every((t) => t.activityId === 'quorum_vote'),
      '或签: one decision is enough'
    )
    assert.lengthOf(open, 3)

    await vote(h, key, 'a')
    assert.lengthOf(await openTasks(h.port, key, 'quorum_vote'), 2, 'one of three is not a quorum')
    await vote(h, key, 'c')
    open = await openTasks(h.port, key)
    assert.isTrue(
      open.every((t) => t.activityId === 'all_vote'),
      '会签: two of three pass'
    )

    await vote(h, key, 'a')
    await vote(h, key, 'b')
    assert.equal((await h.port.getInstance(instance.id)).status, 'running', 'all must sign')
    await vote(h, key, 'c')
    assert.equal((await h.port.getInstance(instance.id)).status, 'completed')
  })
})
