/** A URI component decoded, or left as written when its escapes are malformed (a stray `%`). */
export function decodeOrKeep(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/** Route segments as the client wrote them: Next leaves %2F and friends encoded in catch-alls. */
export function decodeSegments(segments: string[]): string[] {
  return segments.map(decodeOrKeep);
}
