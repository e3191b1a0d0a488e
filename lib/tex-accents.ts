// arXiv abstracts (and some titles) are TeX source: outside $…$ authors write accents as TeX
// does, Schr\"odinger, Monge-Amp\`ere, Erd\H{o}s, \v{C}ech. KaTeX renders only the math, so the
// prose accents are turned into the characters they stand for here. Text-mode commands only;
// anything else stays as written.

// The accent commands, as Unicode combining marks put after the letter and composed (NFC).
const COMBINING: Record<string, string> = {
  '"': "\u0308", // diaeresis: ö
  "'": "\u0301", // acute: é
  "`": "\u0300", // grave: è
  "^": "\u0302", // circumflex: ê
  "~": "\u0303", // tilde: ñ
  "=": "\u0304", // macron: ā
  ".": "\u0307", // dot above: ż
  u: "\u0306", // breve: ğ
  v: "\u030C", // caron: š
  H: "\u030B", // double acute: ő
  r: "\u030A", // ring: å
  c: "\u0327", // cedilla: ç
  k: "\u0328", // ogonek: ą
};

// Letters TeX writes as commands of their own.
const LETTERS: Record<string, string> = { ss: "ß", aa: "å", AA: "Å", ae: "æ", AE: "Æ", oe: "œ", OE: "Œ", o: "ø", O: "Ø", l: "ł", L: "Ł" };

// A letter under an accent; \i and \j, the dotless i and j, are written there too (\'{\i}).
const LETTER = String.raw`(?:[A-Za-z]|\\[ij](?![A-Za-z]))`;
// \"o, \"{o}, {\"o}, \'{\i}; the letter-named accents need braces or a space: \v{s}, \v s, \c{c}.
const SYMBOL_ACCENT = new RegExp(String.raw`\{\\(["'\x60^~=.])\s*(${LETTER})\}|\\(["'\x60^~=.])\s*(?:\{(${LETTER})\}|(${LETTER}))`, "g");
const WORD_ACCENT = new RegExp(String.raw`\{\\([uvHrck])\s*(?:\{(${LETTER})\}|\s(${LETTER}))\}|\\([uvHrck])(?:\{(${LETTER})\}|\s+(${LETTER}))`, "g");
// A letter command ends at a non-letter; the space or {} after it belongs to it, as in TeX.
const LETTER_COMMAND = /\{\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L)\}|\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L)(?:\{\}|\s|(?![A-Za-z]))/g;

function accented(accent: string, letter: string): string {
  // Under an accent the dotless \i and \j are plain i and j: Unicode composes those (ï, not ı̈).
  const base = letter.startsWith("\\") ? letter.slice(1) : letter;
  return (base + COMBINING[accent]).normalize("NFC");
}

/** Turns TeX's text-mode accents and special letters into Unicode; call it on prose, never on math. */
export function texAccentsToUnicode(text: string): string {
  if (!text.includes("\\")) return text;
  return text
    .replace(SYMBOL_ACCENT, (_, a1, l1, a2, l2, l3) => accented(a1 ?? a2, l1 ?? l2 ?? l3))
    .replace(WORD_ACCENT, (_, a1, l1, l2, a2, l3, l4) => accented(a1 ?? a2, l1 ?? l2 ?? l3 ?? l4))
    .replace(LETTER_COMMAND, (_, braced, bare) => LETTERS[braced ?? bare]);
}
