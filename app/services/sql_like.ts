/** A LIKE pattern matching `search` anywhere, with the user's own % and _ taken literally. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
}
