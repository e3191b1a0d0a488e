// The compressed forms of recent response bodies, keyed by the body itself. A cached page is the
// same string for every reader until it is re-rendered (at most every few seconds), and Next hands
// each response that very string (its cache keeps the page's HTML as one), so compressing it once
// per render instead of once per request saves nearly all of compression's CPU on the pages read
// most. Keyed by content, a hit is always right: the same bytes compress to the same bytes.

export class CompressedBodies {
  // In use order, least recently used first: a Map iterates in insertion order.
  private readonly entries = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly compress: (body: string) => Promise<Buffer>,
    private readonly capacity: number,
  ) {}

  /** `body` compressed: made once, then shared by every caller while it stays among the `capacity` most recently used. */
  get(body: string): Promise<Buffer> {
    const known = this.entries.get(body);
    if (known) {
      this.entries.delete(body);
      this.entries.set(body, known);
      return known;
    }
    const made = this.compress(body);
    this.entries.set(body, made);
    // A failure is not kept: the next request compresses again.
    made.catch(() => {
      if (this.entries.get(body) === made) this.entries.delete(body);
    });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return made;
  }

  get size(): number {
    return this.entries.size;
  }
}
