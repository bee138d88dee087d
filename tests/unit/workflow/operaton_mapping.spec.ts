import { test } from '@japa/runner'
import { mapError } from '#workflow/operaton/errors'
import { OperatonRestError, isoDate } from '#workflow/operaton/http_client'
import { fromTypedVariables, toTypedVariables } from '#workflow/operaton/variables'
import {
  TaskConflictException,
  WorkflowNotFoundException,
  WorkflowStepException,
} from '#workflow/port'

test.group('Operaton adapter mapping', () => {
  test('variables survive the trip through typed values; lists and objects travel as JSON', ({
    assert,
  }) => {
    const variables = {
      text: '同意',
      yes: true,
      small: 42,
      big: 2 ** 40,
      ratio: 0.5,
      none: null,
      datasets: [{ code: 'DS-1', ownerOrg: 'OWN-A' }],
      ownerReview: { org: 'OWN-A', group: 'org:OWN-A:owner_reviewer' },
    }
    const typed = toTypedVariables(variables)
    assert.deepEqual(
      Object.fromEntries(Object.entries(typed).map(([name, value]) => [name, value.type])),
      {
        text: 'String',
        yes: 'Boolean',
        small: 'Integer',
        big: 'Long',
        ratio: 'Double',
        none: 'Null',
        datasets: 'Object',
        ownerReview: 'Object',
      }
    )
    assert.deepEqual(typed.datasets.valueInfo, {
      objectTypeName: 'java.util.ArrayList',
      serializationDataFormat: 'application/json',
    })
    assert.equal(typed.ownerReview.valueInfo?.objectTypeName, 'java.util.LinkedHashMap')
    assert.deepEqual(fromTypedVariables(typed), variables)
  })

  test('engine dates become ISO instants', ({ assert }) => {
    assert.equal(isoDate('2026-11-29T04:22:06.058+0000'), '2026-11-29T04:22:06.058Z')
    assert.equal(isoDate('2026-11-29T12:00:00.000+0800'), '2026-11-29T04:00:00.000Z')
    assert.isNull(isoDate(null))
  })

  test('REST errors map to the port exceptions', ({ assert }) => {
    const cases: [OperatonRestError, 'task' | 'instance', unknown][] = [
      [
        new OperatonRestError(404, 'InvalidRequestException', 'No task found'),
        'task',
        WorkflowNotFoundException,
      ],
      [
        new OperatonRestError(
          500,
          'OptimisticLockingException',
          'was updated by another transaction'
        ),
        'task',
        TaskConflictException,
      ],
      [
        new OperatonRestError(500, 'TaskAlreadyClaimedException', 'already claimed'),
        'task',
        TaskConflictException,
      ],
      [
        new OperatonRestError(
          500,
          'ProcessEngineException',
          'Unknown property used in expression: ${decision}'
        ),
        'instance',
        WorkflowStepException,
      ],
    ]
    for (const [error, kind, expected] of cases)
      assert.throws(() => mapError(error, kind, 'x'), expected as any)
    const other = new OperatonRestError(500, 'ProcessEngineException', 'disk full')
    assert.throws(() => mapError(other, 'task', 'x'), 'disk full')
  })
})
