// The encoded forms of recent response bodies, keyed by the body itself: their UTF-8 bytes, or
// those bytes compressed. A cached page is the same string for every reader until it is
// re-rendered (at most every few seconds), and Next hands each response that very string (its
// cache keeps the page's HTML as one), so encoding it once per render instead of once per request
// saves nearly all of compression's CPU on the pages read most, and even uncompressed, Node's
// UTF-8 encoding of the string on every write (README, "What the fourteenth pass changed"). Keyed
// by content, a hit is always right: the same characters encode to the same bytes.
//
// Most entries soon belong to renders Next has already replaced, kept alive only as keys here, so
// the cache is bounded by characters as well as entries: least recently used first out.

export class EncodedBodies<Encoded extends Buffer | Promise<Buffer>> {
  // In use order, least recently used first: a Map iterates in insertion order.
  private readonly entries = new Map<string, Encoded>();
  private chars = 0;

  constructor(
    private readonly encode: (body: string) => Encoded,
    private readonly limits: { entries: number; chars: number },
  ) {}

  /** `body` encoded: made once, then shared by every caller while it stays among the most recently used. */
  get(body: string): Encoded {
    const known = this.entries.get(body);
    if (known) {
      this.entries.delete(body);
      this.entries.set(body, known);
      return known;
    }
    const made = this.encode(body);
    this.entries.set(body, made);
    this.chars += body.length;
    // A failed compression is not kept: the next request compresses again.
    if (made instanceof Promise) {
      made.catch(() => {
        if (this.entries.get(body) === made) this.remove(body);
      });
    }
    while (this.entries.size > 1 && (this.entries.size > this.limits.entries || this.chars > this.limits.chars)) this.remove(this.entries.keys().next().value!);
    return made;
  }

  private remove(body: string): void {
    this.entries.delete(body);
    this.chars -= body.length;
  }

  get size(): number {
    return this.entries.size;
  }
}
