import { components } from '#openapi/components'
import { foundationPaths } from '#openapi/paths/foundation'
import { catalogPaths, catalogSchemas } from '#openapi/paths/catalog'
import { catalogScopePaths } from '#openapi/paths/catalog_scope'
import { publicDataPaths } from '#openapi/paths/public_data'
import { requestPaths } from '#openapi/paths/requests'
import { inboxPaths } from '#openapi/paths/inbox'
import { qualityPaths } from '#openapi/paths/quality'
import { processAdminPaths } from '#openapi/paths/process_admin'
import { notificationPaths } from '#openapi/paths/notifications'
import { calendarPaths } from '#openapi/paths/calendar'
import { mailOutboxPaths } from '#openapi/paths/mail_outbox'
import { deliveryPaths, deliverySecuritySchemes } from '#openapi/paths/delivery'
import { visualPaths } from '#openapi/paths/visual'
import { exportPaths } from '#openapi/paths/exports'
import { subscriptionPaths } from '#openapi/paths/subscriptions'

/*
 * The OpenAPI 3.1 document served at /api/openapi.json. Each domain keeps its paths in
 * app/openapi/paths/<domain>.ts; tests/functional/system/openapi.spec.ts fails when a
 * route is missing here or a documented path has no route.
 */
export const openapiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'EcoShare 生态环境数据共享平台 API',
    version: '0.1.0',
    description:
      'Errors are `{error:{code,message,details?}}`, localised by Accept-Language (zh-CN default, en).',
  },
  servers: [{ url: '/' }],
  paths: {
    ...foundationPaths,
    ...catalogPaths,
    ...catalogScopePaths,
    ...publicDataPaths,
    ...requestPaths,
    ...inboxPaths,
    ...qualityPaths,
    ...processAdminPaths,
    ...notificationPaths,
    ...calendarPaths,
    ...mailOutboxPaths,
    ...deliveryPaths,
    ...visualPaths,
    ...exportPaths,
    ...subscriptionPaths,
  },
  components: {
    ...components,
    securitySchemes: { ...components.securitySchemes, ...deliverySecuritySchemes },
    schemas: { ...components.schemas, ...catalogSchemas },
  },
}
