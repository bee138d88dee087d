import User from '#models/user'
import { containsPattern } from '#services/sql_like'

/*
 * Names for the ids the workflow keeps (actors, targets), and the directory a reviewer picks
 * colleagues from for 转办 / 委派 / 加签 / 抄送: active users, name and organisation only.
 */
export async function namesOf(ids: number[]) {
  const unique = [...new Set(ids.filter((id) => Number.isInteger(id)))]
  const users = unique.length
    ? await User.query().whereIn('id', unique).select('id', 'displayName')
    : []
  return new Map(users.map((u) => [u.id, u.displayName]))
}

type Entry = { actor: string | null; targets: number[] }

/** Adds `actorName` and `targetNames` to timeline entries ("system" and engine ids stay unnamed). */
export async function withNames<T extends Entry>(entries: T[]) {
  const ids = entries.flatMap((e) => [Number(e.actor), ...e.targets])
  const names = await namesOf(ids)
  return entries.map((e) => ({
    ...e,
    actorName: names.get(Number(e.actor)) ?? null,
    targetNames: e.targets.map((id) => names.get(id) ?? null),
  }))
}

export async function peopleDirectory(
  search: string | undefined,
  reviewersOnly: boolean,
  limit = 20
) {
  const query = User.query()
    .where('status', 'active')
    .preload('organisation')
    .orderBy('id')
    .limit(limit)
  if (search) {
    const like = containsPattern(search)
    query.where((q) => q.where('displayName', 'like', like).orWhere('username', 'like', like))
  }
  if (reviewersOnly)
    query.whereHas('roleRows', (r) =>
      r.whereIn('role', ['dept_reviewer', 'owner_reviewer', 'security_officer'])
    )
  const users = await query
  return users.map((u) => ({
    id: u.id,
    name: u.displayName,
    username: u.username,
    organisation: { code: u.organisation.code, name: u.organisation.name },
  }))
}
