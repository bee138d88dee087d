import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'

/*
 * File storage for exports. `fs` (default): private files under storage/exports, never served
 * by a static route; downloads go through the export controller's signed, grant-checked link.
 * `s3`: any S3-compatible store (MinIO, OSS, COS…) from the S3_* variables. The S3 driver needs
 * @aws-sdk/client-s3, which is not installed here, so the service exists only when chosen.
 */
const disk = env.get('DRIVE_DISK') ?? 'fs'

const driveConfig = defineConfig({
  default: disk,
  services: {
    fs: services.fs({
      location: app.makePath(env.get('DRIVE_FS_ROOT') ?? 'storage/exports'),
      serveFiles: false,
      visibility: 'private',
    }),
    ...(disk === 's3'
      ? {
          s3: services.s3({
            credentials: {
              accessKeyId: env.get('S3_ACCESS_KEY_ID') ?? '',
              secretAccessKey: env.get('S3_SECRET_ACCESS_KEY')?.release() ?? '',
            },
            region: env.get('S3_REGION') ?? 'us-east-1',
            bucket: env.get('S3_BUCKET') ?? 'ecoshare-exports',
            endpoint: env.get('S3_ENDPOINT'),
            forcePathStyle: Boolean(env.get('S3_ENDPOINT')),
            visibility: 'private',
          }),
        }
      : {}),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
