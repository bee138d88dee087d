/*
 * Environment variables: validated and typed here; every knob has a safe default
 * so `npm start` works on a fresh clone with no .env file.
 */
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum.optional(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.secret.optional(),
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.string.optional(),

  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'mysql'] as const),
  SQLITE_FILE: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),

  SESSION_STORE: Env.schema.enum.optional(['database', 'memory'] as const),
  SESSION_IDLE_MINUTES: Env.schema.number.optional(),
  LOGIN_MAX_FAILURES: Env.schema.number.optional(),
  LOGIN_LOCK_MINUTES: Env.schema.number.optional(),
  ACCESS_TOKEN_TTL: Env.schema.string.optional(),
  AUDIT_HASH: Env.schema.enum.optional(['sha256', 'sm3'] as const),
  BODY_LIMIT: Env.schema.string.optional(),
  PUBLIC_RATE_LIMIT: Env.schema.number.optional(),
  // Default quota of a new grant (issue #6): rows per day and data calls per minute.
  GRANT_ROWS_PER_DAY: Env.schema.number.optional(),
  GRANT_CALLS_PER_MINUTE: Env.schema.number.optional(),
  DELIVERY_KEY_CALLS_PER_MINUTE: Env.schema.number.optional(),
  DELIVERY_USER_CALLS_PER_MINUTE: Env.schema.number.optional(),
  DELIVERY_IP_CALLS_PER_MINUTE: Env.schema.number.optional(),
  CORS_ORIGIN: Env.schema.string.optional(),
  // File exports (docs/exports.md): caps, link life, retention, retries; storage via drive.
  EXPORT_MAX_ROWS: Env.schema.number.optional(),
  EXPORT_MAX_BYTES: Env.schema.number.optional(),
  EXPORT_MAX_CONCURRENT: Env.schema.number.optional(),
  EXPORT_RETENTION_HOURS: Env.schema.number.optional(),
  EXPORT_MAX_ATTEMPTS: Env.schema.number.optional(),
  EXPORT_LINK_MINUTES: Env.schema.number.optional(),
  EXPORT_POLL_SECONDS: Env.schema.number.optional(),
  EXPORT_CONCURRENCY: Env.schema.number.optional(),
  DRIVE_DISK: Env.schema.enum.optional(['fs', 's3'] as const),
  DRIVE_FS_ROOT: Env.schema.string.optional(),
  S3_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional(),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.secret.optional(),
  WORKFLOW_TIMEOUT_SCAN_SECONDS: Env.schema.number.optional(),
  LOCK_STORE: Env.schema.enum.optional(['database', 'memory'] as const),
  LIMITER_STORE: Env.schema.enum.optional(['database', 'memory'] as const),

  MAIL_MAILER: Env.schema.enum.optional(['smtp', 'none'] as const),
  MAIL_FROM: Env.schema.string.optional(),
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  SMTP_USER: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.secret.optional(),
  WORKFLOW_ENGINE: Env.schema.enum.optional(['embedded', 'operaton'] as const),
  OPERATON_URL: Env.schema.string.optional(),
  OPERATON_USER: Env.schema.string.optional(),
  OPERATON_PASSWORD: Env.schema.string.optional(),
  /** Test only: push the app clock's offset to the engine (needs OPERATON_CLOCK_API=true there). */
  OPERATON_CLOCK_SYNC: Env.schema.boolean.optional(),
  /** External-task workers started by the app (0 = only `node ace workflow:work` runs them). */
  OPERATON_WORKERS: Env.schema.number.optional(),
  /** Push subscriptions: see config/delivery.ts. */
  SUBSCRIPTION_ALLOW_LOOPBACK: Env.schema.boolean.optional(),
  SUBSCRIPTION_ALLOWED_NETWORKS: Env.schema.string.optional(),
  SUBSCRIPTION_MAX_FAILURES: Env.schema.number.optional(),
  SUBSCRIPTION_TIMEOUT_MS: Env.schema.number.optional(),
  SUBSCRIPTION_POLL_SECONDS: Env.schema.number.optional(),
})
