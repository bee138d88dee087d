import type User from '#models/user'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import workflowRuntime from '#services/workflow_runtime'
import { actionableTask, requireButton } from '#services/requests/task_guard'
import { recordAction } from '#services/requests/request_actions'
import { finishStep } from '#services/requests/signoffs'
import { validateFormValues } from '#services/forms/form_values'
import FieldConflictException from '#exceptions/field_conflict_exception'

/*
 * 提交表单: a step whose work is a form (整改 with evidence, 核验, 督办) completes with the values
 * of its form key, checked on the server against the same schema the browser renders.
 */
export default class CompleteTaskForm {
  async handle(
    user: User,
    groups: string[],
    taskId: string,
    input: { values: Record<string, unknown>; version: number },
    actor: AuditActor
  ) {
    const port = await workflowRuntime.port()
    const task = await actionableTask(port, user, groups, taskId, input.version)
    await requireButton(task, 'submit')
    if (!task.formKey)
      throw new FieldConflictException('values', 'form', '此步骤没有表单 / this step has no form')
    const values = validateFormValues(task.formKey, input.values)
    await port.complete(task.id, values, input.version, String(user.id))
    const opinion = typeof values.opinion === 'string' ? values.opinion : null
    await recordAction(task.businessKey, task.processKey, {
      action: 'submit',
      actorId: user.id,
      task,
      opinion,
      data: { form: values },
    })
    await recordAudit(actor, {
      action: 'task.submit',
      result: 'success',
      objectType: 'workflow_task',
      objectId: task.id,
      details: {
        businessKey: task.businessKey,
        activityId: task.activityId,
        formKey: task.formKey,
      },
    })
    await finishStep(port, task.businessKey)
    return task
  }
}
