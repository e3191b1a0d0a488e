/**
 * A JSON answer serialised once, for answers sent unchanged to many clients (the read API's
 * shared answers, db/queries/shared-reads.ts): serialising 40 kB of search results again for
 * every request was a measurable part of what such a request cost.
 *
 * (Compressing once too would save more, but Next drops a route handler's own Content-Encoding
 * header, and the body is then compressed again on its way out (lib/response-compression.ts):
 * tried when Next compressed, and clients got gzip inside gzip.)
 */
export type PreparedJson = { bytes: Uint8Array<ArrayBuffer> };

export function prepareJson(value: unknown): PreparedJson {
  return { bytes: new TextEncoder().encode(JSON.stringify(value)) };
}
