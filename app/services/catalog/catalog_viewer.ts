import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import type { OrganisationType } from '#models/organisation'
import type { DatasetStatus } from '#models/dataset'

/*
 * Who is looking at the catalog, reduced to what visibility depends on:
 * - public: anonymous callers, and users of enterprises, social organisations and the public
 *   pseudo-organisation — published datasets flagged open, and open records only;
 * - internal: government staff with catalog.read — every published dataset's metadata (so they
 *   can apply for it), and records labelled for unconditional sharing at most;
 * - admin: catalog admins — drafts and retired datasets too; records as internal.
 */
export type ViewerKind = 'public' | 'internal' | 'admin'

export interface CatalogViewer {
  kind: ViewerKind
  userId: number | null
  organisationId: number | null
}

export const GOVERNMENT_ORGANISATION_TYPES: readonly OrganisationType[] = [
  'city_bureau',
  'district_bureau',
  'division',
  'city_department',
]

export const ANONYMOUS_VIEWER: CatalogViewer = {
  kind: 'public',
  userId: null,
  organisationId: null,
}

/** `user.organisation` and `user.roleRows` must be preloaded. */
export function viewerOf(user: User | null | undefined): CatalogViewer {
  if (!user) return ANONYMOUS_VIEWER
  const base = { userId: user.id, organisationId: user.organisationId }
  if (user.hasPermission('catalog.manage')) return { ...base, kind: 'admin' }
  const government = GOVERNMENT_ORGANISATION_TYPES.includes(user.organisation.type)
  if (government && user.hasPermission('catalog.read')) return { ...base, kind: 'internal' }
  return { ...base, kind: 'public' }
}

export function canSeeDataset(
  viewer: CatalogViewer,
  dataset: { status: DatasetStatus; isOpen: boolean }
): boolean {
  if (viewer.kind === 'admin') return true
  if (dataset.status !== 'published') return false
  return viewer.kind === 'internal' || dataset.isOpen
}

/** The viewer of a request that passed the optional or required auth middleware. */
export async function viewerFromContext(ctx: HttpContext): Promise<CatalogViewer> {
  const user = ctx.auth.user
  if (!user) return ANONYMOUS_VIEWER
  if (!user.$preloaded.organisation) await user.load((preloader) => preloader.load('organisation'))
  return viewerOf(user)
}
