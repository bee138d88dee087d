import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { readDefinitions } from '#workflow/bpmn/moddle'
import { readProcessModels } from '#workflow/bpmn/model'
import { lintBpmn } from '#workflow/bpmn/lint'
import { createWorkflowEngine, lintContext } from '#workflow/engine'
import { InvalidDefinitionException } from '#workflow/port'
import { processFiles, topicNames, topics } from '../../../workflows/registry.js'

const shipped = () =>
  Promise.all(
    processFiles.map(async (file) => ({
      file,
      xml: await readFile(app.makePath('workflows', file), 'utf8'),
    }))
  )
const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

test.group('workflow definitions and lint', () => {
  test('every formKey in every .bpmn has a Formily schema in forms/', async ({ assert }) => {
    const formKeys = new Set<string>()
    for (const { xml } of await shipped()) {
      const { processes } = await readProcessModels(xml)
      for (const activity of processes[0].activities.values()) {
        if (!activity.formKey) continue
        formKeys.add(activity.formKey)
        const schema = JSON.parse(
          await readFile(app.makePath('forms', `${activity.formKey}.json`), 'utf8')
        )
        assert.equal(schema.type, 'object', activity.formKey)
        assert.isObject(schema.properties, activity.formKey)
      }
    }
    assert.deepEqual([...formKeys].sort(), [
      'rectification_form',
      'request_form',
      'review_form',
      'verification_form',
    ])
  })

  test('every user task names a form and candidates; every topic used has a handler', async ({
    assert,
  }) => {
    const used = new Set<string>()
    for (const { file, xml } of await shipped()) {
      const { processes } = await readProcessModels(xml)
      for (const activity of processes[0].activities.values()) {
        if (activity.type === 'bpmn:UserTask') {
          assert.isNotNull(activity.formKey, `${file} ${activity.id}`)
          assert.isTrue(
            Boolean(activity.assignee || activity.candidateGroups || activity.candidateUsers),
            `${file} ${activity.id}`
          )
        }
        if (activity.topic) used.add(activity.topic)
      }
    }
    for (const topic of used) assert.isTrue(topicNames.has(topic), topic)
    assert.includeMembers(
      [...used],
      [
        'request.compliance_check',
        'grant.provision',
        'grant.revoke',
        'notify.send',
        'quality.recheck',
      ]
    )
    assert.equal(topics.length, topicNames.size, 'topic names are unique')
  })

  test('the three shipped processes lint clean and carry a full diagram (they open in bpmn-js)', async ({
    assert,
  }) => {
    for (const { file, xml } of await shipped()) {
      assert.deepEqual(await lintBpmn(xml, lintContext()), [], file)
      const { root } = await readDefinitions(xml)
      const process = (root.rootElements as any[]).find((e) => e.$type === 'bpmn:Process')
      const shapes = new Set(
        (root.diagrams[0].plane.planeElement as any[]).map((e) => e.bpmnElement.id)
      )
      for (const element of process.flowElements)
        assert.isTrue(shapes.has(element.id), `${file}: ${element.id} has no DI`)
    }
  })

  test('a broken definition is rejected with one clear message per problem', async ({ assert }) => {
    const problems = await lintBpmn(await fixture('broken.bpmn'), lintContext())
    const text = problems.map((p) => `${p.element}: ${p.message}`)
    assert.includeMembers(text, [
      'fixture_broken: no diagram layout (BPMNDiagram)',
      'nobody: user task has no assignee, candidateUsers or candidateGroups',
      'nobody: form schema forms/no_such_form.json does not exist',
      'mystery: unknown topic "no.such_topic" (not in workflows/registry.ts)',
      'script: script tasks are not allowed; use an external-task topic',
    ])
    assert.isTrue(
      text.some((t) => t.startsWith('f_eval: condition') && /execution/.test(t)),
      text.join('\n')
    )
    assert.isTrue(
      text.some((t) => t.startsWith('nobody: ') && t.endsWith('(bpmnlint no-bpmndi)')),
      text.join('\n')
    )
    assert.isTrue(
      text.some((t) => t.startsWith('f_math: condition') && /\+|arithmetic/i.test(t)),
      text.join('\n')
    )
  })

  test('unparseable XML is a lint problem, and deploy refuses what the lint refuses', async ({
    assert,
  }) => {
    const [problem] = await lintBpmn('<bpmn:definitions', lintContext())
    assert.equal(problem.element, 'definitions')
    assert.match(problem.message, /cannot be parsed/)
    const error = await createWorkflowEngine()
      .deploy('broken.bpmn', await fixture('broken.bpmn'))
      .catch((e) => e)
    assert.instanceOf(error, InvalidDefinitionException)
    assert.equal(error.status, 422)
    assert.isAbove((error.details as unknown[]).length, 5)
  })
})
