// Postgres reports a unique violation as SQLSTATE 23505 with the constraint's name. Drizzle wraps
// the driver's error, and postgres.js and PGlite name the field differently, so look through both.

type PgErrorLike = { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };

/** The violated unique constraint's name, or null when `error` is anything else. */
export function uniqueViolation(error: unknown): string | null {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const e = current as PgErrorLike;
    if (e.code === "23505") {
      const name = e.constraint_name ?? e.constraint;
      return typeof name === "string" ? name : "";
    }
    current = e.cause;
  }
  return null;
}
