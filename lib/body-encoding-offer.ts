import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Compression } from "./body-compression";

// The server's offer to a route handler of a compression for its answer (lib/pre-encoded-bodies.ts
// makes it; lib/api/http.ts takes it), and the handler's note that it took it. Kept apart from
// the server's hook so that route handlers import two names and a check, not the negotiation.
//
// The offer carries a token only this process knows, so no client can forge one: not even in the
// instant after the server starts listening and before instrumentation.ts has installed the hook
// that deletes a client's header. A forged offer taken there would send compressed bytes without
// Content-Encoding, with the shared answers' public Cache-Control: a shared cache could keep them
// for everyone. The token lives on globalThis because the hook and the route handlers are bundled
// apart, each with its own copy of this module.

/** Set by the server on a request: the compression its answer may come in, with the token. */
export const BODY_ENCODING_REQUEST_HEADER = "x-paperboard-body-encoding";
/** Set by a route handler whose body is compressed as offered; the server makes it Content-Encoding. */
export const BODY_ENCODING_RESPONSE_HEADER = "x-paperboard-content-encoding";

const TOKEN = Symbol.for("paperboard.bodyEncodingOfferToken");

function offerToken(): Buffer {
  const shared = globalThis as { [TOKEN]?: Buffer };
  return (shared[TOKEN] ??= Buffer.from(randomBytes(18).toString("base64url")));
}

/** The request header's value that offers `encoding`. */
export function bodyEncodingOffer(encoding: Compression): string {
  return `${encoding} ${offerToken().toString()}`;
}

/** The compression the server offered this request: null when it offered none, or the header is not its own. */
export function offeredBodyEncoding(header: string | null | undefined): Compression | null {
  const [encoding, token] = (header ?? "").split(" ");
  if (encoding !== "br" && encoding !== "gzip") return null;
  const expected = offerToken();
  const given = Buffer.from(token ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected) ? encoding : null;
}
