import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/lock'

/*
 * Locks for work that must run on one app instance at a time (the timeout scheduler). The
 * database store is shared by every instance on the same database; `memory` is one process only.
 */
const lockConfig = defineConfig({
  default: env.get('LOCK_STORE') ?? 'database',
  stores: {
    database: stores.database({ tableName: 'locks' }),
    memory: stores.memory(),
  },
})

export default lockConfig

declare module '@adonisjs/lock/types' {
  export interface LockStoresList extends InferLockStores<typeof lockConfig> {}
}
