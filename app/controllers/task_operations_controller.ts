import type { HttpContext } from '@adonisjs/core/http'
import ReassignTask from '#actions/requests/reassign_task'
import SignOff from '#actions/requests/sign_off'
import CcRequest from '#actions/requests/cc_request'
import WithdrawStep from '#actions/requests/withdraw_step'
import CompleteTaskForm from '#actions/requests/complete_task_form'
import { groupsOf } from '#services/requests/inbox'
import { validateBody } from '#validators/strict'
import {
  ADD_SIGNOFF_FIELDS,
  CC_FIELDS,
  HAND_OVER_FIELDS,
  RESOLVE_FIELDS,
  SIGNOFF_DECISION_FIELDS,
  SUBMIT_FORM_FIELDS,
  addSignoffValidator,
  ccValidator,
  handOverValidator,
  resolveValidator,
  signoffDecisionValidator,
  submitFormValidator,
} from '#validators/inbox'
import { transformTask } from '#transformers/request_transformer'
import { actorFromContext } from '#services/audit/audit_log'

/** 转办 / 委派 / 交还 / 加签 / 减签 / 抄送 / 撤回 (APPROVALS.md §4). */
export default class TaskOperationsController {
  async transfer(ctx: HttpContext) {
    return this.handOver(ctx, 'transfer')
  }

  async delegate(ctx: HttpContext) {
    return this.handOver(ctx, 'delegate')
  }

  async resolve(ctx: HttpContext) {
    const input = await validateBody(ctx, resolveValidator, RESOLVE_FIELDS)
    const user = ctx.auth.user!
    const task = await new ReassignTask().resolve(
      user,
      await groupsOf(user),
      this.taskId(ctx),
      input,
      actorFromContext(ctx)
    )
    return { data: transformTask(task) }
  }

  async addSignoffs(ctx: HttpContext) {
    const input = await validateBody(ctx, addSignoffValidator, ADD_SIGNOFF_FIELDS)
    const user = ctx.auth.user!
    const { task, signoffs } = await new SignOff().add(
      user,
      await groupsOf(user),
      this.taskId(ctx),
      input,
      actorFromContext(ctx)
    )
    return ctx.response.created({ data: { task: transformTask(task), signoffs } })
  }

  async removeSignoff(ctx: HttpContext) {
    const signoffs = await new SignOff().remove(
      ctx.auth.user!,
      this.taskId(ctx),
      Number(ctx.params.signoffId),
      actorFromContext(ctx)
    )
    return { data: { signoffs } }
  }

  async decideSignoff(ctx: HttpContext) {
    const input = await validateBody(ctx, signoffDecisionValidator, SIGNOFF_DECISION_FIELDS)
    const signoff = await new SignOff().decide(
      ctx.auth.user!,
      Number(ctx.params.signoffId),
      input,
      actorFromContext(ctx)
    )
    return { data: signoff }
  }

  async cc(ctx: HttpContext) {
    const input = await validateBody(ctx, ccValidator, CC_FIELDS)
    const user = ctx.auth.user!
    const result = await new CcRequest().handle(
      user,
      await groupsOf(user),
      this.taskId(ctx),
      input,
      actorFromContext(ctx)
    )
    return { data: result }
  }

  /** 提交表单: steps whose work is a form (整改, 核验, 督办). */
  async submit(ctx: HttpContext) {
    const input = await validateBody(ctx, submitFormValidator, SUBMIT_FORM_FIELDS)
    const user = ctx.auth.user!
    await new CompleteTaskForm().handle(
      user,
      await groupsOf(user),
      this.taskId(ctx),
      input,
      actorFromContext(ctx)
    )
    return ctx.response.noContent()
  }

  async withdraw(ctx: HttpContext) {
    await new WithdrawStep().handle(ctx.auth.user!, this.taskId(ctx), actorFromContext(ctx))
    return ctx.response.noContent()
  }

  private async handOver(ctx: HttpContext, mode: 'transfer' | 'delegate') {
    const input = await validateBody(ctx, handOverValidator, HAND_OVER_FIELDS)
    const user = ctx.auth.user!
    const task = await new ReassignTask().handOver(
      mode,
      user,
      await groupsOf(user),
      this.taskId(ctx),
      input,
      actorFromContext(ctx)
    )
    return { data: transformTask(task) }
  }

  private taskId(ctx: HttpContext) {
    return String(ctx.params.id)
  }
}
