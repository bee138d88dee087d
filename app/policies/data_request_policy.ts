import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type DataRequest from '#models/data_request'

export default class DataRequestPolicy extends BasePolicy {
  submit(actor: User) {
    return actor.hasPermission('request.create')
  }

  /** Applicants see their own requests; process admins see all (support). Reviewers use the inbox. */
  view(actor: User, request: DataRequest) {
    return request.applicantId === actor.id || actor.hasPermission('process.manage')
  }

  withdraw(actor: User, request: DataRequest) {
    return request.applicantId === actor.id
  }

  cancel(actor: User, request: DataRequest) {
    return request.applicantId === actor.id || actor.hasPermission('process.manage')
  }

  review(actor: User) {
    return actor.hasPermission('task.review')
  }
}
