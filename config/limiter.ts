import { defineConfig, stores } from '@adonisjs/limiter'

/*
 * Memory store: counters are per app instance. Several instances behind a balancer need
 * a shared store (Redis via @adonisjs/redis) — see docs/scale.md.
 */
const limiterConfig = defineConfig({
  default: 'memory',
  stores: {
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
