import { type Compression, compressLikePages } from "../body-compression";

/**
 * A JSON answer serialised once, for answers sent unchanged to many clients (the read API's
 * shared answers, db/queries/shared-reads.ts): serialising 40 kB of search results again for
 * every request was a measurable part of what such a request cost. Compressed once too, per
 * compression a client asks for, when first asked (lib/pre-encoded-bodies.ts sends it).
 */
export type PreparedJson = {
  bytes: Uint8Array<ArrayBuffer>;
  /** The bytes compressed, made at the first call for each compression and shared by the later ones. */
  compressed(encoding: Compression): Promise<Uint8Array<ArrayBuffer>>;
};

export function prepareJson(value: unknown): PreparedJson {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const made: Partial<Record<Compression, Promise<Uint8Array<ArrayBuffer>>>> = {};
  return {
    bytes,
    compressed(encoding) {
      let body = made[encoding];
      if (!body) {
        // Copied once to a buffer of its own size: zlib's output may be a slice of a larger one
        // (Node's 8 kB pool, zlib's 16 kB chunks), which this answer would keep alive while cached.
        body = made[encoding] = compressLikePages(encoding, bytes).then((compressed) => new Uint8Array(compressed));
        // A failed compression is not kept: the next request compresses again.
        body.catch(() => {
          if (made[encoding] === body) delete made[encoding];
        });
      }
      return body;
    },
  };
}
