/**
 * The rows of a drizzle `execute()` result: postgres.js returns the rows themselves, PGlite wraps
 * them in `{ rows }`.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
