import vine from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import DecideTask from '#actions/requests/decide_task'
import workflowRuntime from '#services/workflow_runtime'
import { groupsOf, todoFor, visibleTask } from '#services/requests/inbox'
import { nodeConfig } from '#services/requests/node_config'
import { deadlinesOf } from '#services/requests/task_deadlines'
import { validateBody, validateQuery } from '#validators/strict'
import { transformTask } from '#transformers/request_transformer'
import { actorFromContext } from '#services/audit/audit_log'

const todoFields = {
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
  processKey: vine.string().trim().maxLength(64).optional(),
  overdue: vine.boolean().optional(),
}
const todoValidator = vine.create(vine.object(todoFields))

const decisionFields = {
  action: vine.enum(['approve', 'reject', 'return'] as const),
  opinion: vine.string().trim().maxLength(2000).nullable().optional(),
  approvedCodes: vine.array(vine.string().trim().maxLength(64)).distinct().optional(),
  version: vine.number().withoutDecimals().min(0),
}
const decisionValidator = vine.create(vine.object(decisionFields))

/** 待办: the tasks the user may act on (assigned, or a candidate by user or group). */
export default class InboxController {
  async todo(ctx: HttpContext) {
    const filters = await validateQuery(ctx, todoValidator, Object.keys(todoFields))
    const user = ctx.auth.user!
    const port = await workflowRuntime.port()
    const tasks = await todoFor(port, user, await groupsOf(user))
    let all = tasks.filter((t) => !filters.processKey || t.processKey === filters.processKey)
    // Deadlines for the whole list only when filtering on them; otherwise for the page shown.
    let deadlines = filters.overdue === undefined ? null : await deadlinesOf(all)
    if (deadlines) all = all.filter((t) => deadlines!.get(t.id)!.overdue === filters.overdue)
    const perPage = filters.perPage ?? 20
    const currentPage = filters.page ?? 1
    const slice = all.slice((currentPage - 1) * perPage, currentPage * perPage)
    deadlines ??= await deadlinesOf(slice)
    return {
      data: slice.map((t) => ({ ...transformTask(t), ...deadlines.get(t.id) })),
      meta: {
        total: all.length,
        perPage,
        currentPage,
        lastPage: Math.max(1, Math.ceil(all.length / perPage)),
      },
    }
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.user!
    const port = await workflowRuntime.port()
    const task = await visibleTask(port, user, await groupsOf(user), String(ctx.params.id))
    const deadlines = await deadlinesOf([task])
    return {
      data: {
        ...transformTask(task),
        ...deadlines.get(task.id),
        node: await nodeConfig(task.processKey, task.activityId),
      },
    }
  }

  async decide(ctx: HttpContext) {
    const input = await validateBody(ctx, decisionValidator, Object.keys(decisionFields))
    const user = ctx.auth.user!
    await new DecideTask().handle(
      user,
      await groupsOf(user),
      String(ctx.params.id),
      input,
      actorFromContext(ctx)
    )
    return ctx.response.noContent()
  }
}
