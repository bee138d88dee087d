import { defineConfig } from '@adonisjs/core/app'

export default defineConfig({
  experimental: {},

  // The Vue app is built into frontend/dist and served from there.
  directories: { public: 'frontend/dist', commands: 'app/commands' },

  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/session/commands'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    {
      file: () => import('@adonisjs/core/providers/repl_provider'),
      environment: ['repl', 'test'],
    },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/cors/cors_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/i18n/i18n_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/lock/lock_provider'),
    () => import('@adonisjs/drive/drive_provider'),
    () => import('@adonisjs/mail/mail_provider'),
  ],

  preloads: [
    () => import('#start/routes'),
    () => import('#start/kernel'),
    { file: () => import('#start/workflow'), environment: ['web'] },
    { file: () => import('#start/exports'), environment: ['web'] },
    { file: () => import('#start/subscriptions'), environment: ['web'] },
  ],

  tests: {
    suites: [
      {
        files: ['tests/unit/**/*.spec.ts'],
        name: 'unit',
        timeout: 5000,
      },
      {
        files: ['tests/functional/**/*.spec.ts'],
        name: 'functional',
        timeout: 30000,
      },
      { name: 'contract', files: ['tests/contract/**/*.spec.ts'], timeout: 60000 },
      {
        // Faults of a real Operaton (killed worker, engine down, incidents): run by .ci/run
        // with WORKFLOW_ENGINE=operaton; the embedded engine's equivalents live in contract/.
        files: ['tests/operaton/**/*.spec.ts'],
        name: 'operaton',
        timeout: 60000,
      },
      {
        // Needs Chromium and the built frontend: `npm run test:e2e` (run by .ci/run).
        files: ['tests/e2e/**/*.spec.ts'],
        name: 'e2e',
        timeout: 60000,
      },
    ],
    forceExit: false,
  },

  // Read at run time by the compiled build (`node ace build` → build/): BPMN, forms, messages.
  metaFiles: [
    { pattern: 'workflows/*.bpmn', reloadServer: false },
    { pattern: 'forms/*.json', reloadServer: false },
    { pattern: 'app/locales/**/*.json', reloadServer: false },
    // The built SPA, so the compiled server (build/) serves it too (npm start in production).
    { pattern: 'frontend/dist/**', reloadServer: false },
  ],
})
