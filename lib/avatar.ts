// Generated avatars: initials on a colour picked from the username, so the same person looks the
// same everywhere without us storing or fetching images.

/** Up to two letters: first and last word of the display name, else the username's start. */
export function initials(name: string | null | undefined, username: string | null | undefined): string {
  const words = (name ?? "").trim().split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  if (words.length >= 2) return (firstGrapheme(words[0]) + firstGrapheme(words.at(-1)!)).toUpperCase();
  if (words.length === 1) return firstGrapheme(words[0]).toUpperCase();
  const handle = (username ?? "").replace(/[^\p{L}\p{N}]/gu, "");
  return handle ? firstGrapheme(handle).toUpperCase() : "?";
}

function firstGrapheme(word: string): string {
  const letter = word.match(/[\p{L}\p{N}]/u)?.[0];
  return letter ?? word[0];
}

/** A hue from 0 to 359, stable for a given key (FNV-1a). */
export function avatarHue(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

/** Dark enough at every hue for white initials to stay readable (over 4.5:1). */
export function avatarColor(key: string): string {
  return `oklch(0.5 0.13 ${avatarHue(key)})`;
}
