// The compressed forms of recent response bodies, keyed by the body itself. A cached page is the
// same string for every reader until it is re-rendered (at most every few seconds), and Next hands
// each response that very string (its cache keeps the page's HTML as one), so compressing it once
// per render instead of once per request saves nearly all of compression's CPU on the pages read
// most. Keyed by content, a hit is always right: the same bytes compress to the same bytes.
//
// Most entries soon belong to renders Next has already replaced, kept alive only as keys here, so
// the cache is bounded by characters as well as entries: least recently used first out.

export class CompressedBodies {
  // In use order, least recently used first: a Map iterates in insertion order.
  private readonly entries = new Map<string, Promise<Buffer>>();
  private chars = 0;

  constructor(
    private readonly compress: (body: string) => Promise<Buffer>,
    private readonly limits: { entries: number; chars: number },
  ) {}

  /** `body` compressed: made once, then shared by every caller while it stays among the most recently used. */
  get(body: string): Promise<Buffer> {
    const known = this.entries.get(body);
    if (known) {
      this.entries.delete(body);
      this.entries.set(body, known);
      return known;
    }
    const made = this.compress(body);
    this.entries.set(body, made);
    this.chars += body.length;
    // A failure is not kept: the next request compresses again.
    made.catch(() => {
      if (this.entries.get(body) === made) this.remove(body);
    });
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
