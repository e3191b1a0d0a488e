import { splitMath } from "./math-text";

/**
 * The start of an abstract for a paper card: cut at a word boundary near `max` characters, never
 * inside a $…$ formula (a formula is kept whole or dropped). Cards show three lines; sending whole
 * abstracts made a week's page ~330 kB of HTML.
 */
export function excerpt(text: string, max = 360): string {
  if (text.length <= max) return text;
  let out = "";
  for (const segment of splitMath(text)) {
    const piece = segment.kind === "math" ? (segment.display ? `$$${segment.value}$$` : `$${segment.value}$`) : segment.value.replaceAll("$", "\\$");
    if (out.length + piece.length <= max) {
      out += piece;
      continue;
    }
    if (segment.kind === "text") {
      const room = piece.slice(0, max - out.length);
      const lastSpace = room.lastIndexOf(" ");
      out += lastSpace > 0 ? room.slice(0, lastSpace) : room;
    }
    break;
  }
  return `${out.trimEnd()}…`;
}
