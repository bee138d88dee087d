/*
 * Policy registry for Bouncer (lazy imports so a route loads only the policies it uses).
 */
export const policies = {
  UserPolicy: () => import('#policies/user_policy'),
  OrganisationPolicy: () => import('#policies/organisation_policy'),
  AuditPolicy: () => import('#policies/audit_policy'),
  DataRequestPolicy: () => import('#policies/data_request_policy'),
  CatalogPolicy: () => import('#policies/catalog_policy'),
  ProcessAdminPolicy: () => import('#policies/process_admin_policy'),
  CalendarPolicy: () => import('#policies/calendar_policy'),
  QualityCasePolicy: () => import('#policies/quality_case_policy'),
  GrantPolicy: () => import('#policies/grant_policy'),
  UsagePolicy: () => import('#policies/usage_policy'),
  ExportPolicy: () => import('#policies/export_policy'),
}
