import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

const migrations = { naturalSort: true, paths: ['database/migrations'] }
const seeders = { paths: ['database/seeders'] }

/*
 * One code path, two databases: SQLite (default, nothing to install) and
 * MySQL 8 / MariaDB 10.11 for production. Tests use their own SQLite file.
 */
const sqliteFile =
  env.get('SQLITE_FILE') ?? (app.inTest ? 'tmp/test.sqlite3' : 'tmp/ecoshare.sqlite3')

// A fresh clone has no tmp/ yet; better-sqlite3 does not create folders.
mkdirSync(dirname(app.makePath(sqliteFile)), { recursive: true })

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION') ?? 'sqlite',
  prettyPrintDebugQueries: false,
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: { filename: app.makePath(sqliteFile) },
      useNullAsDefault: true,
      pool: {
        // WAL lets readers run while a writer commits; foreign keys are off by default in SQLite.
        afterCreate: (conn: any, done: (err: Error | null, conn: any) => void) => {
          conn.pragma('journal_mode = WAL')
          conn.pragma('synchronous = NORMAL')
          conn.pragma('foreign_keys = ON')
          conn.pragma('busy_timeout = 5000')
          done(null, conn)
        },
      },
      migrations,
      seeders,
      schemaGeneration: { enabled: false },
    },
    mysql: {
      client: 'mysql2',
      connection: {
        host: env.get('DB_HOST') ?? '127.0.0.1',
        port: env.get('DB_PORT') ?? 3306,
        user: env.get('DB_USER') ?? 'root',
        password: env.get('DB_PASSWORD') ?? '',
        database: env.get('DB_DATABASE') ?? 'ecoshare',
        charset: 'utf8mb4',
        timezone: 'Z',
        dateStrings: false,
      },
      pool: { min: 0, max: 10 },
      migrations,
      seeders,
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
