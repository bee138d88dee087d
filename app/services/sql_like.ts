/**
 * A LIKE pattern matching `search` anywhere. The user's own % and _ are escaped with `\`, which
 * MySQL/MariaDB honour by default; SQLite has no default LIKE escape, so there they still match
 * as wildcards.
 */
export function containsPattern(search: string): string {
  return `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
}
