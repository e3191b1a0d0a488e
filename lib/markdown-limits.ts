// Markdown a 10,000-character comment can hold but no discussion needs, and that costs the server
// far more than its size to render: quotes or lists nested thousands deep (the renderer recursed
// past the stack: the paper page, the author's profile and the comment feed answered 500 for as
// long as the comment stood, after seconds of parsing), emphasis delimiters by the thousand (the
// same), and tables whose short rows GFM pads out to the header's width (a 1,000-column header
// over 3,000 one-cell rows rendered 3 million cells: 30 MB and 30 s of blocked server per render).
// Checked on the source in one linear pass, before any parsing: at posting, to refuse it with a
// reason, and at rendering, to show any such comment as plain text instead.

export const MAX_NESTING = 16;
export const MAX_DELIMITER_RUN = 32;
export const MAX_TABLE_CELLS = 2_000;

/** Why this Markdown is too costly to render, or null when it is fine. */
export function markdownCostProblem(source: string): string | null {
  const lines = source.split("\n");
  const rowsFrom = rowsUntilBlankLine(lines);
  for (const [index, line] of lines.entries()) {
    if (nestingAtLineStart(line) > MAX_NESTING) return `Quotes and lists can nest ${MAX_NESTING} deep at most.`;
    if (longestDelimiterRun(line) > MAX_DELIMITER_RUN && !isThematicBreak(line)) {
      return `A run of more than ${MAX_DELIMITER_RUN} *, _ or ~ characters is not allowed (write a line of three for a divider).`;
    }
    const columns = tableDelimiterColumns(line);
    if (columns > 0 && columns * rowsFrom[index] > MAX_TABLE_CELLS) return `Tables are limited to ${MAX_TABLE_CELLS.toLocaleString("en")} cells.`;
  }
  return null;
}

/** How many block quotes and list items open at the start of a line ("> - > 1. text" is 4). */
function nestingAtLineStart(line: string): number {
  let depth = 0;
  let i = 0;
  for (;;) {
    while (line[i] === " " || line[i] === "\t") i += 1;
    if (line[i] === ">") {
      depth += 1;
      i += 1;
      continue;
    }
    let marker = i;
    while (marker < line.length && marker - i < 9 && line[marker] >= "0" && line[marker] <= "9") marker += 1;
    const ordered = marker > i && (line[marker] === "." || line[marker] === ")");
    const bullet = marker === i && (line[i] === "-" || line[i] === "*" || line[i] === "+");
    const end = ordered || bullet ? marker + 1 : -1;
    if (end > 0 && (end === line.length || line[end] === " " || line[end] === "\t")) {
      depth += 1;
      i = end;
      continue;
    }
    return depth;
  }
}

/** The longest run of emphasis delimiters, mixed or not: "*_*_" nests as deep as "****". */
function longestDelimiterRun(line: string): number {
  let longest = 0;
  let run = 0;
  for (const char of line) {
    run = char === "*" || char === "_" || char === "~" ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A divider line: only one of *, - or _ (with spaces). Any length draws one rule. */
function isThematicBreak(line: string): boolean {
  return /^\s*([*_-])(?:\s*\1)*\s*$/.test(line);
}

/** The columns of a GFM table's delimiter row (|---|:-:|), or 0 when the line is not one. */
function tableDelimiterColumns(line: string): number {
  if (!line.includes("-") || !line.includes("|") || !/^[\s|:-]+$/.test(line)) return 0;
  const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
  return cells.every((cell) => /^\s*:?-+:?\s*$/.test(cell)) ? cells.length : 0;
}

/**
 * For each line, the rows of a table whose delimiter row it would be: its header and the lines up
 * to the next blank one. Counted from the end, so a thousand delimiter rows cost one pass.
 */
function rowsUntilBlankLine(lines: string[]): number[] {
  const rows = new Array<number>(lines.length).fill(1);
  for (let i = lines.length - 2; i >= 0; i--) if (lines[i + 1].trim() !== "") rows[i] = rows[i + 1] + 1;
  return rows;
}
