import { noteDatabaseError } from "../db-outage";
import { BODY_ENCODING_REQUEST_HEADER, BODY_ENCODING_RESPONSE_HEADER, offeredBodyEncoding } from "../body-encoding-offer";
import { friendlyMessage, httpStatus, type ErrorCode } from "../errors";
import { jsonRoute } from "./json-route";
import type { PreparedJson } from "./prepared-json";
import type { ApiError } from "./schemas";

// Responses of the public read API: anyone may call it from any origin (no cookies are read), and
// shared caches may keep successful answers briefly. Errors are never cached.

export const LIST_CACHE = "public, max-age=60, stale-while-revalidate=300";
export const DOCUMENT_CACHE = "public, max-age=3600";

const CORS = { "access-control-allow-origin": "*" };

export function apiJson(body: unknown, cacheControl: string = LIST_CACHE): Response {
  return Response.json(body, { headers: { ...CORS, "cache-control": cacheControl } });
}

/**
 * A prepared answer (lib/api/prepared-json.ts), as apiJson would send it, and compressed once for
 * all clients when the server offers the request a compression (lib/pre-encoded-bodies.ts). Small
 * answers too: `compression` would compress them anyway (Next sends no Content-Length, so its
 * 1 kB threshold never applies), on every request.
 */
export async function apiPreparedJson(request: Request, prepared: PreparedJson, cacheControl: string = LIST_CACHE): Promise<Response> {
  const headers: Record<string, string> = { ...CORS, "cache-control": cacheControl, "content-type": "application/json" };
  const offered = offeredBodyEncoding(request.headers.get(BODY_ENCODING_REQUEST_HEADER));
  if (offered) {
    const compressed = await prepared.compressed(offered).catch(() => null); // failed: sent as it is
    if (compressed) return new Response(compressed, { headers: { ...headers, [BODY_ENCODING_RESPONSE_HEADER]: offered } });
  }
  return new Response(prepared.bytes, { headers });
}

export function apiError(code: Extract<ErrorCode, "invalid_input" | "not_found" | "internal" | "unavailable">, message: string, parameter?: string): Response {
  const body: ApiError = { error: { code, message, ...(parameter ? { parameter } : {}) } };
  return Response.json(body, { status: httpStatus(code), headers: { ...CORS, "cache-control": "no-store" } });
}

/**
 * Wraps a route handler so that an unexpected failure is logged and answered in the API's own
 * error shape (a JSON 500, or 503 when the database cannot be reached) rather than Next's HTML
 * error page; inside jsonRoute, for the outage gate and the security headers.
 */
export function apiRoute<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return jsonRoute(async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      console.error("API request failed", error);
      if (noteDatabaseError(error)) return apiError("unavailable", friendlyMessage("unavailable"));
      return apiError("internal", "Something went wrong on our side. Please try again.");
    }
  });
}
