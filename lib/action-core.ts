import { z } from "zod";
import { AppError, type ErrorPayload, type FieldErrors } from "./errors";
import { noteDatabaseError } from "./db-outage";
import { hasRole, isBanned, type Role, type SessionUser } from "./auth/session-user";

// The parts of the guarded write path that need no request, session or database, so they can be
// tested on their own. lib/action.ts joins them to the real session.

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export type ActionOptions = { role?: Role };

export function success<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function failure(error: AppError): ActionResult<never> {
  return { ok: false, error: error.toPayload() };
}

/** Who may act: signed in, not banned, and holding the role if one is asked for. */
export function checkAccess(user: SessionUser | null, { role }: ActionOptions = {}): AppError | null {
  if (!user) return new AppError("unauthorized");
  if (isBanned(user)) return new AppError("forbidden:banned");
  if (role && !hasRole(user, role)) return new AppError("forbidden:role");
  return null;
}

/** Form posts arrive as FormData; everything else as a plain object. */
export function inputObject(input: unknown): unknown {
  if (input instanceof FormData) {
    // Next adds $ACTION_* fields to progressively enhanced forms; they are not our input.
    return Object.fromEntries([...input.entries()].filter(([key]) => !key.startsWith("$ACTION")));
  }
  return input;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ActionResult<z.output<S>> {
  const parsed = schema.safeParse(inputObject(input));
  if (parsed.success) return success(parsed.data);
  return failure(new AppError("invalid_input", { fieldErrors: fieldErrorsOf(parsed.error) }));
}

export type RunActionArgs<S extends z.ZodType, T> = {
  user: SessionUser | null;
  schema: S;
  input: unknown;
  fn: (input: z.output<S>, user: SessionUser) => Promise<T>;
  options?: ActionOptions;
  /** Lets framework control flow (redirect(), notFound()) pass through untouched. */
  rethrow?: (error: unknown) => void;
  log?: (error: unknown) => void;
};

/** Access check, then input parsing, then `fn`; every failure comes back as a typed result. */
export async function runAction<S extends z.ZodType, T>(args: RunActionArgs<S, T>): Promise<ActionResult<T>> {
  const { user, schema, input, fn, options, rethrow, log = console.error } = args;
  const denied = checkAccess(user, options);
  if (denied || !user) return failure(denied ?? new AppError("unauthorized"));
  const parsed = parseInput(schema, input);
  if (!parsed.ok) return parsed;
  try {
    return success(await fn(parsed.data, user));
  } catch (error) {
    rethrow?.(error);
    if (error instanceof AppError) return failure(error);
    log(error);
    return failure(unavailableOr("internal", error));
  }
}

/**
 * A database that cannot be reached is `unavailable` (503: try again soon), anything else is
 * `fallback`. Either way a transaction that failed was rolled back, so nothing half-happened.
 */
export function unavailableOr(fallback: "internal", error: unknown): AppError {
  return noteDatabaseError(error) ? new AppError("unavailable", { cause: error }) : new AppError(fallback, { cause: error });
}
