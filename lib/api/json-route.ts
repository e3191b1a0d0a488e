import "server-only";
import { databaseOutageResponse } from "@/db/outage-gate";
import { unavailableOr } from "../action-core";
import { getEnv } from "../env";
import { errorResponse } from "../error-response";
import { API_CONTENT_SECURITY_POLICY, cameOverHttps, securityHeaders } from "../security-headers";

// The frame of our JSON route handlers, which skip proxy.ts (its matcher names them): running it
// cost a JSON request about a third of its throughput (README, Performance, the seventh pass's
// A/B), and a JSON answer needs none of its work (no nonce, no rewrite). What it did for them
// happens here instead, for a fraction of the cost: the outage gate's quick 503 while the database
// is believed down, and the security headers, with a policy that lets a JSON answer load nothing.

/** Wraps a JSON route handler: outage gate first, security headers on whatever it answers. */
export function jsonRoute<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response> | Response): (...args: A) => Promise<Response> {
  return async (...args) => {
    const [request] = args;
    const response = await answer(async () => (await databaseOutageResponse(request)) ?? (await handler(...args)));
    const https = cameOverHttps({ forwardedProto: request.headers.get("x-forwarded-proto"), authUrl: getEnv().AUTH_URL });
    for (const [name, value] of securityHeaders({ policy: API_CONTENT_SECURITY_POLICY, https })) response.headers.set(name, value);
    return response;
  };
}

/** The gate's or the handler's answer; a failure neither answered becomes a JSON error, not Next's HTML 500. */
async function answer(respond: () => Promise<Response>): Promise<Response> {
  try {
    return await respond();
  } catch (error) {
    console.error("JSON request failed", error);
    return errorResponse(unavailableOr("internal", error).toPayload());
  }
}
