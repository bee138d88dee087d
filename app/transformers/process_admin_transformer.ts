import type { DefinitionSummary } from '#workflow/types'

/** One entry per process key with its versions newest first (the port lists them that way). */
export function groupDefinitions(definitions: DefinitionSummary[]) {
  const byKey = new Map<
    string,
    { key: string; name: string; latestVersion: number; runningInstances: number; versions: any[] }
  >()
  for (const d of definitions) {
    let entry = byKey.get(d.key)
    if (!entry) {
      entry = {
        key: d.key,
        name: d.name,
        latestVersion: d.version,
        runningInstances: 0,
        versions: [],
      }
      byKey.set(d.key, entry)
    }
    entry.runningInstances += d.runningInstances
    entry.versions.push({
      id: d.id,
      version: d.version,
      name: d.name,
      deployedAt: d.deployedAt,
      runningInstances: d.runningInstances,
    })
  }
  return [...byKey.values()]
}

/** The port returns short, whole lists (processes, open incidents); pages are cut here. */
export function paginate<T>(items: T[], filters: { page?: number; perPage?: number }) {
  const perPage = filters.perPage ?? 20
  const currentPage = filters.page ?? 1
  return {
    data: items.slice((currentPage - 1) * perPage, currentPage * perPage),
    meta: {
      total: items.length,
      perPage,
      currentPage,
      lastPage: Math.max(1, Math.ceil(items.length / perPage)),
    },
  }
}
