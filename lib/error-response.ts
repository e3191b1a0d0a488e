import { httpStatus, type ErrorPayload } from "./errors";

/** A JSON route's error answer: the error's HTTP status, never cached, Retry-After when rate limited. */
export function errorResponse(error: ErrorPayload): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.retryAfterSeconds) headers["retry-after"] = String(error.retryAfterSeconds);
  return Response.json({ error }, { status: httpStatus(error.code), headers });
}
