import { configApp } from '@adonisjs/eslint-config'

// The AdonisJS preset for the backend; the Vue app is checked by vue-tsc (npm run typecheck).
export default configApp(
  {
    ignores: ['frontend/**', 'build/**', 'tmp/**', 'workflows/engine/**', 'bench/results/**', '.adonisjs/**'],
  },
  {
    // `(await client.get(...)).assertStatus(200)` reads naturally in request tests.
    files: ['tests/**/*.ts'],
    rules: { '@unicorn/no-await-expression-member': 'off' },
  }
)
