import { readFileSync } from 'node:fs'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import clock from '#services/clock'
import workflowRuntime from '#services/workflow_runtime'
import { TimeoutScheduler } from '#services/requests/timeout_scheduler'
import { demoUser } from '#tests/helpers'

/** Moves the app clock to an instant given in Asia/Shanghai. */
export function travelTo(local: string) {
  const target = DateTime.fromISO(local, { zone: 'Asia/Shanghai' }).toMillis()
  clock.travel({ seconds: Math.round((target - clock.nowMs()) / 1000) })
}

/** Authenticated JSON calls as a demo (or test-created) user. */
export function as(client: any, username: string) {
  const call = async (method: 'get' | 'post' | 'put' | 'delete', url: string, body?: object) => {
    const request = client[method](url)
      .withGuard('api')
      .loginAs(await demoUser(username))
    return body ? request.json(body) : request
  }
  return {
    get: (url: string) => call('get', url),
    post: (url: string, body: object) => call('post', url, body),
    put: (url: string, body: object) => call('put', url, body),
    delete: (url: string) => call('delete', url),
    async todo() {
      const response = await call('get', '/api/v1/inbox/todo')
      response.assertStatus(200)
      return response.body().data as any[]
    },
    async notifications(kind?: string) {
      const response = await call('get', '/api/v1/notifications?perPage=100')
      response.assertStatus(200)
      const all = response.body().data as any[]
      return kind ? all.filter((n) => n.kind === kind) : all
    },
    async request(code: string) {
      const response = await call('get', `/api/v1/requests/${code}`)
      response.assertStatus(200)
      return response.body().data
    },
  }
}

/** One scheduler pass, as the background loop of one app instance runs it. */
export async function runScheduler(options?: { useLock?: boolean }) {
  return new TimeoutScheduler(options).runPass(await workflowRuntime.port())
}

/*
 * Deploys data_request.bpmn with other timeout settings on some nodes, as a process admin does
 * from the modeler; instances started afterwards run that version.
 */
export async function deployTimeoutVariant(settings: Record<string, Record<string, string>>) {
  let xml = readFileSync(app.makePath('workflows', 'data_request.bpmn'), 'utf8')
  for (const [activityId, properties] of Object.entries(settings)) {
    const start = xml.indexOf(`<bpmn:userTask id="${activityId}"`)
    const end = xml.indexOf('</camunda:properties>', start)
    let block = xml.slice(start, end)
    for (const [name, value] of Object.entries(properties)) {
      const pattern = new RegExp(`<camunda:property name="${name}" value="[^"]*" />`)
      const property = `<camunda:property name="${name}" value="${value}" />`
      block = pattern.test(block)
        ? block.replace(pattern, property)
        : `${block}  ${property}\n        `
    }
    xml = xml.slice(0, start) + block + xml.slice(end)
  }
  const port = await workflowRuntime.port()
  const deployed = await port.deploy('data_request.bpmn', xml)
  if (!deployed.created) throw new Error('the variant equals the deployed process')
  return deployed
}
