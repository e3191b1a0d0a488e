import "server-only";
import type { z } from "zod";
import { runAction, unavailableOr } from "./action-core";
import { getCurrentUser } from "./auth/current-user";
import { readCappedText } from "./read-capped-body";
import type { SessionUser } from "./auth/session-user";
import { AppError } from "./errors";
import { errorResponse } from "./error-response";
import { isSameOriginRequest } from "./same-origin";
import { jsonRoute } from "./api/json-route";

const MAX_BODY_BYTES = 16 * 1024;

/**
 * The guarded write path for JSON route handlers, the twin of lib/action.ts: same-origin check,
 * body size cap, session from the database, zod, then `fn`, inside jsonRoute (outage gate,
 * security headers). Failures become JSON errors with the matching HTTP status (and Retry-After
 * when rate limited).
 */
export function jsonWrite<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, user: SessionUser, request: Request) => Promise<T>,
): (request: Request) => Promise<Response> {
  return jsonRoute(async (request: Request) => {
    if (!isSameOriginRequest(request.headers)) {
      return errorResponse(new AppError("forbidden", { message: "Cross-site requests are refused." }).toPayload());
    }
    const body = await readJson(request);
    if (body instanceof AppError) return errorResponse(body.toPayload());
    let user: SessionUser | null;
    try {
      user = await getCurrentUser(); // reads the database: the first thing to fail in an outage
    } catch (error) {
      console.error("route handler: reading the session failed", error);
      return errorResponse(unavailableOr("internal", error).toPayload());
    }
    const result = await runAction({
      user,
      schema,
      input: body,
      fn: (input, user) => fn(input, user, request),
    });
    return result.ok ? Response.json(result.data, { headers: { "cache-control": "no-store" } }) : errorResponse(result.error);
  });
}

async function readJson(request: Request): Promise<unknown | AppError> {
  const text = await readCappedText(request, MAX_BODY_BYTES);
  if (text === null) return new AppError("invalid_input", { message: "That request is too large." });
  try {
    return JSON.parse(text);
  } catch {
    return new AppError("invalid_input", { message: "The request body must be JSON." });
  }
}

