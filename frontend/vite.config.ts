import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The config is run from the repository root (`vite build --config frontend/vite.config.ts`),
// so every path is anchored to this file rather than to the working directory.
const frontendDir = fileURLToPath(new URL('.', import.meta.url))
const backend = 'http://localhost:3333'

export default defineConfig({
  root: frontendDir,
  base: '/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The Formily schemas the backend validates against; the build bundles them (no API serves them).
      '@forms': fileURLToPath(new URL('../forms', import.meta.url)),
    },
  },
  define: {
    // Composition API only; dropping the legacy API and devtools hooks trims vue-i18n.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // The framework changes less often than our views: a separate chunk stays cached across deploys.
        manualChunks(id) {
          if (/node_modules\/(@vue|vue|vue-router|pinia|vue-i18n|@intlify)\//.test(id))
            return 'framework'
          return undefined
        },
      },
    },
  },
})
