import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import clock from '#services/clock'
import { recordAudit, type AuditActor } from '#services/audit/audit_log'
import workflowRuntime from '#services/workflow_runtime'
import { actionableTask, requireButton, reviewTargets } from '#services/requests/task_guard'
import { recordAction } from '#services/requests/request_actions'
import {
  insertSignoffs,
  releaseHeld,
  signoffsOf,
  toSignoff,
  type Signoff,
  type SignoffPosition,
} from '#services/requests/signoffs'
import { decisionVariables } from '#services/requests/decision_variables'
import { notifyTaskPeople } from '#services/notifications/operation_notifications'
import FieldConflictException from '#exceptions/field_conflict_exception'
import { TaskConflictException, WorkflowNotFoundException } from '#workflow/port'

export interface AddSignoffInput {
  userIds: number[]
  position: SignoffPosition
  opinion?: string | null
  version: number
}

/*
 * 加签 / 减签 and the added approver's own decision. Adding takes the task for the reviewer (a
 * group task is claimed), so nobody else decides it while the added people work.
 */
export default class SignOff {
  async add(
    user: User,
    groups: string[],
    taskId: string,
    input: AddSignoffInput,
    actor: AuditActor
  ) {
    const port = await workflowRuntime.port()
    let task = await actionableTask(port, user, groups, taskId, input.version)
    await requireButton(task, 'add_signoff')
    const targets = await reviewTargets(task, user, input.userIds)
    const all = await signoffsOf(task.id)
    const existing = all.filter((s) => ['waiting', 'pending'].includes(s.status))
    const again = targets.filter((t) => existing.some((s) => s.userId === t.id))
    if (again.length) {
      throw new FieldConflictException(
        'userIds',
        'unique',
        `已是本任务的加签人 / already added to this task: ${again.map((t) => t.id).join(', ')}`
      )
    }
    if (!task.assignee) task = await port.claim(task.id, String(user.id))
    await db.transaction((trx) =>
      insertSignoffs(
        task,
        targets.map((t) => t.id),
        input.position,
        user.id,
        trx
      )
    )
    const ids = targets.map((t) => t.id)
    await recordAction(task.businessKey, task.processKey, {
      action: 'add_signoff',
      actorId: user.id,
      task,
      targets: ids,
      opinion: input.opinion?.trim() || null,
      data: { position: input.position },
    })
    await this.audit(actor, 'task.add_signoff', task.id, { targets: ids, position: input.position })
    if (input.position === 'before') {
      await notifyTaskPeople(
        ids,
        'signoff_requested',
        task,
        `before-${clock.nowMs()}`,
        [
          `${user.displayName} 请您先行审核「${task.name ?? task.activityId}」（加签）`,
          `${user.displayName} asks for your review first (added approver)`,
        ],
        input.opinion ?? null
      )
    }
    return { task, signoffs: await signoffsOf(task.id) }
  }

  /** 减签: the one who added them (or the task's assignee) removes an approver who has not acted. */
  async remove(user: User, taskId: string, signoffId: number, actor: AuditActor) {
    const port = await workflowRuntime.port()
    const signoff = await this.find(signoffId)
    if (signoff.taskId !== taskId) throw new WorkflowNotFoundException('task', taskId)
    const task = await port.getTask(taskId)
    const mayRemove = signoff.addedBy === user.id || task.assignee === String(user.id)
    if (!mayRemove || task.status !== 'open') throw new WorkflowNotFoundException('task', taskId)
    const updated = await db
      .from('task_signoffs')
      .where({ id: signoff.id, version: signoff.version })
      .whereIn('status', ['waiting', 'pending'])
      .update({ status: 'removed', version: signoff.version + 1, decided_at: clock.nowMs() })
    if (Number(updated) !== 1) throw new TaskConflictException(taskId)
    await recordAction(task.businessKey, task.processKey, {
      action: 'remove_signoff',
      actorId: user.id,
      task,
      targets: [signoff.userId],
    })
    await this.audit(actor, 'task.remove_signoff', task.id, { target: signoff.userId })
    // The last pending after-approver removed: the held approval goes through now.
    if (signoff.position === 'after') await releaseHeld(port, task.id)
    return signoffsOf(task.id)
  }

  /** The added approver signs (approve) or objects (reject). Only their own pending item. */
  async decide(
    user: User,
    signoffId: number,
    input: { action: 'approve' | 'reject'; opinion?: string | null; version: number },
    actor: AuditActor
  ) {
    const port = await workflowRuntime.port()
    const signoff = await this.find(signoffId)
    if (signoff.userId !== user.id || signoff.status !== 'pending')
      throw new WorkflowNotFoundException('task', `signoff-${signoffId}`)
    const opinion = input.opinion?.trim() || null
    if (!opinion) {
      throw new FieldConflictException(
        'opinion',
        'required',
        '请填写加签意见 / an opinion is required'
      )
    }
    const status = input.action === 'approve' ? 'approved' : 'rejected'
    const updated = await db
      .from('task_signoffs')
      .where({ id: signoff.id, version: input.version, status: 'pending' })
      .update({ status, opinion, version: input.version + 1, decided_at: clock.nowMs() })
    if (Number(updated) !== 1) throw new TaskConflictException(`signoff-${signoffId}`)
    const task = await port.getTask(signoff.taskId)
    await recordAction(task.businessKey, task.processKey, {
      action: input.action === 'approve' ? 'signoff_approve' : 'signoff_reject',
      actorId: user.id,
      task,
      opinion,
      data: { position: signoff.position, signoffId: signoff.id },
    })
    await this.audit(actor, `task.signoff_${input.action}`, task.id, { signoffId: signoff.id })
    if (signoff.position === 'after') {
      // An added approver's objection is the node's rejection; their signature may complete it.
      const override =
        input.action === 'reject'
          ? { variables: decisionVariables(task, 'reject', opinion), actorId: user.id }
          : undefined
      await releaseHeld(port, task.id, override)
    } else {
      await notifyTaskPeople(
        [signoff.addedBy],
        'signoff_decided',
        task,
        `signoff-${signoff.id}`,
        [
          `加签人 ${user.displayName} 已${input.action === 'approve' ? '同意' : '提出异议'}`,
          `Added approver ${user.displayName} ${input.action === 'approve' ? 'approved' : 'objected'}`,
        ],
        opinion
      )
    }
    return this.find(signoffId)
  }

  private async find(id: number): Promise<Signoff> {
    const row = await db.from('task_signoffs').where('id', id).first()
    if (!row) throw new WorkflowNotFoundException('task', `signoff-${id}`)
    return toSignoff(row)
  }

  private audit(
    actor: AuditActor,
    action: string,
    taskId: string,
    details: Record<string, unknown>
  ) {
    return recordAudit(actor, {
      action,
      result: 'success',
      objectType: 'workflow_task',
      objectId: taskId,
      details,
    })
  }
}
