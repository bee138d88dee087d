import { defineConfig } from '@adonisjs/static'

// Serves the built SPA (frontend/dist, see adonisrc `directories.public`).
const staticServerConfig = defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  immutable: true,
  maxAge: '1h',
})

export default staticServerConfig
