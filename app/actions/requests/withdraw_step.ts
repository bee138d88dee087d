import type User from '#models/user'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import workflowRuntime from '#services/workflow_runtime'
import { recordAction, toActionRow, DONE_ACTIONS } from '#services/requests/request_actions'
import { activityOf } from '#services/requests/node_config'
import { finishStep } from '#services/requests/signoffs'
import { recipientsOf } from '#services/notifications/recipients'
import { notifyTaskPeople } from '#services/notifications/operation_notifications'
import StepNotWithdrawableException from '#exceptions/step_not_withdrawable_exception'
import db from '@adonisjs/lucid/services/db'

/*
 * 撤回 a step: the reviewer who approved or returned takes it back while nobody has acted on the
 * step that followed; the following step is voided and the reviewer's step opens again. Read from
 * our action log, not the engine's task table, so it works the same on both adapters.
 */
export default class WithdrawStep {
  async handle(user: User, taskId: string, actor: AuditActor) {
    const mine = await db
      .from('request_actions')
      .where({ task_id: taskId, actor_id: user.id })
      .whereIn('action', ['approve', 'return'])
      .orderBy('id', 'desc')
      .first()
    if (!mine) throw new StepNotWithdrawableException(taskId, 'not_yours')
    const step = toActionRow(mine)
    if (step.data?.held) throw new StepNotWithdrawableException(taskId, 'acted')
    const later = await db
      .from('request_actions')
      .where('business_key', mine.business_key)
      .where('id', '>', mine.id)
      .whereIn('action', DONE_ACTIONS)
      .first()
    if (later) throw new StepNotWithdrawableException(taskId, 'acted')

    const port = await workflowRuntime.port()
    const instance = await port.findInstance(mine.process_key, mine.business_key)
    if (!instance || instance.status !== 'running')
      throw new StepNotWithdrawableException(taskId, 'ended')
    const activity = await activityOf(mine.process_key, step.activityId!)
    const collection = activity?.loop?.collection?.match(/^\$\{(\w+)\}$/)?.[1]
    const iterations = collection ? instance.variables[collection] : null
    if (Array.isArray(iterations) && iterations.length > 1)
      throw new StepNotWithdrawableException(taskId, 'parallel')

    const open = await port.queryTasks({ instanceId: instance.id, status: 'open' })
    const activities = [...new Set(open.map((t) => t.activityId))]
    if (activities.length !== 1 || activities[0] === step.activityId)
      throw new StepNotWithdrawableException(taskId, 'ended')
    // Someone who completed a step after ours (e.g. an automatic one) means the route moved on.
    const history = await port.history(instance.id)
    const completedAfter = history.some(
      (e) => e.type === 'task_completed' && e.occurredAt > step.occurredAt && e.taskId !== taskId
    )
    // A claimed task has been taken up; an assignee written in the model (the applicant) has not.
    const following = await activityOf(mine.process_key, activities[0])
    const assignedByModel = Boolean(following?.assignee)
    if (completedAfter || (!assignedByModel && open.some((t) => t.assignee !== null)))
      throw new StepNotWithdrawableException(taskId, 'acted')

    const voided = new Set<number>()
    for (const task of open) for (const id of await recipientsOf(task)) voided.add(id)
    await port.moveToken(instance.id, activities[0], step.activityId!, String(user.id))
    await recordAction(mine.business_key, mine.process_key, {
      action: 'withdraw_step',
      actorId: user.id,
      task: { id: taskId, activityId: step.activityId! },
      data: { voided: activities[0] },
    })
    await recordAudit(actor, {
      action: 'task.withdraw',
      result: 'success',
      objectType: 'workflow_task',
      objectId: taskId,
      details: { businessKey: mine.business_key, voided: activities[0] },
    })
    voided.delete(user.id)
    await notifyTaskPeople([...voided], 'task_withdrawn', open[0], 'withdrawn', [
      `${user.displayName} 撤回了上一步，此待办已取消`,
      `${user.displayName} withdrew the previous step; this task is cancelled`,
    ])
    await finishStep(port, mine.business_key)
  }
}
