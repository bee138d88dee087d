import db from '@adonisjs/lucid/services/db'
import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type DataRequest from '#models/data_request'

/** A reviewer who may act on one of its open steps reads what they decide on. */
async function holdsAStep(actor: User, request: DataRequest) {
  const { default: workflowRuntime } = await import('#services/workflow_runtime')
  const { canSee, groupsOf } = await import('#services/requests/inbox')
  const port = await workflowRuntime.port()
  const open = await port.queryTasks({ businessKey: request.code, status: 'open' })
  if (!open.length) return false
  const groups = await groupsOf(actor)
  return open.some((task) => canSee(task, String(actor.id), groups))
}

/** Someone who took part: acted on it, was added to sign, or was copied (抄送). */
async function tookPart(actor: User, request: DataRequest) {
  const [acted, signer, copied] = await Promise.all([
    db.from('request_actions').where({ business_key: request.code, actor_id: actor.id }).first(),
    db.from('task_signoffs').where({ business_key: request.code, user_id: actor.id }).first(),
    db.from('request_cc').where({ business_key: request.code, user_id: actor.id }).first(),
  ])
  return Boolean(acted || signer || copied)
}

export default class DataRequestPolicy extends BasePolicy {
  submit(actor: User) {
    return actor.hasPermission('request.create')
  }

  /**
   * Applicants see their own requests; process admins see all (support); reviewers who hold
   * an open step, added approvers, people copied and whoever acted see the ones they are part of.
   */
  async view(actor: User, request: DataRequest) {
    if (request.applicantId === actor.id || actor.hasPermission('process.manage')) return true
    return (await tookPart(actor, request)) || holdsAStep(actor, request)
  }

  withdraw(actor: User, request: DataRequest) {
    return request.applicantId === actor.id
  }

  cancel(actor: User, request: DataRequest) {
    return request.applicantId === actor.id || actor.hasPermission('process.manage')
  }

  /** 催办: the applicant, or a reviewer who already acted on it. */
  async urge(actor: User, request: DataRequest) {
    if (request.applicantId === actor.id) return true
    const acted = await db
      .from('request_actions')
      .where({ business_key: request.code, actor_id: actor.id })
      .first()
    return Boolean(acted)
  }

  review(actor: User) {
    return actor.hasPermission('task.review')
  }
}
