import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'

/** Every API route must be in the OpenAPI document, and the document must not list routes that do not exist. */
test.group('OpenAPI document', () => {
  test('covers every /api and /health route with its method', async ({ client, assert }) => {
    const response = await client.get('/api/openapi.json')
    response.assertStatus(200)
    const doc = response.body()
    assert.equal(doc.openapi, '3.1.0')

    const routes = Object.values(router.toJSON()).flat()
    const missing: string[] = []
    const seen = new Set<string>()
    for (const route of routes) {
      if (!route.pattern.startsWith('/api') && route.pattern !== '/health') continue
      const path = route.pattern.replace(/:(\w+)/g, '{$1}')
      for (const method of route.methods.filter((m: string) => m !== 'HEAD')) {
        const key = `${method.toLowerCase()} ${path}`
        seen.add(key)
        if (!doc.paths[path]?.[method.toLowerCase()]) missing.push(key)
      }
    }
    assert.deepEqual(missing, [], `routes missing from /api/openapi.json: ${missing.join(', ')}`)

    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m} ${path}`)
    )
    assert.deepEqual(
      documented.filter((key) => !seen.has(key)),
      [],
      'documented routes that do not exist'
    )
  })
})
