import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

/*
 * Memory store by default: counters are per app instance. Several instances behind a balancer
 * set LIMITER_STORE=database so they share one count (table `rate_limits`) — docs/scale.md.
 */
const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE') ?? 'memory',
  stores: {
    memory: stores.memory({}),
    database: stores.database({ tableName: 'rate_limits', clearExpiredByTimeout: true }),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
