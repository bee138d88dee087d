import { demoUser } from '#tests/helpers'

/*
 * The requests and inbox API as a named user would call it, so scenarios read like the steps a
 * person takes. Each helper returns the raw response; callers assert the status.
 */
export function asUser(client: any, username: string) {
  const call = async (method: 'get' | 'post' | 'delete', url: string, body?: unknown) => {
    const request = client[method](url)
      .withGuard('api')
      .loginAs(await demoUser(username))
    return body === undefined ? request : request.json(body)
  }
  return {
    get: (url: string) => call('get', url),
    post: (url: string, body: unknown = {}) => call('post', url, body),
    delete: (url: string) => call('delete', url),
    submit: (form: Record<string, unknown>) => call('post', '/api/v1/requests', form),
    detail: (code: string) => call('get', `/api/v1/requests/${code}`),
    async todo(query = '') {
      const response = await call('get', `/api/v1/inbox/todo${query}`)
      response.assertStatus(200)
      return response.body().data as any[]
    },
    decide: (task: any, body: Record<string, unknown>) =>
      call('post', `/api/v1/inbox/tasks/${task.id}/decision`, { version: task.version, ...body }),
    /** An added approver's (加签) own decision on their item. */
    signoff: (item: any, body: Record<string, unknown>) =>
      call('post', `/api/v1/inbox/signoffs/${item.signoffId ?? item.id}/decision`, {
        version: item.version,
        ...body,
      }),
    op: (task: any, operation: string, body: Record<string, unknown> = {}) =>
      call('post', `/api/v1/inbox/tasks/${task.id}/${operation}`, {
        version: task.version,
        ...body,
      }),
  }
}
