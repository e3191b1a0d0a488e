import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { VFile } from "vfile";

// Pandoc's rule for single dollars: `$…$` is math only when no space follows the opening `$`,
// none precedes the closing one, and no digit follows it. remark-math pairs any two dollars, so
// "It costs $5 and $10" typeset "5 and " as a formula. Here the parser itself finds the pairs it
// made (code spans, blocks and quotes are its business, not ours); the opening `$` of each pair
// that breaks the rule is escaped, and the text is parsed again, so the closing `$` may open a
// real formula later in the line ("A $5 and $x$" keeps $x$), as in Pandoc.

/** The same parsing as lib/markdown.ts's pipeline, for the rare comment that has to be parsed again. */
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/** Rounds of escaping at most: each round removes at least one false pair, and few lines have more. */
const MAX_ROUNDS = 8;

type Node = { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: Node[] };

/**
 * A remark transform, right after remark-math: the tree the pipeline already parsed is used as it
 * is unless it holds a false pair (most comments), and only then is the text escaped and parsed
 * again.
 */
export function remarkPandocDollars() {
  return (tree: Root, file: VFile): Root | undefined => {
    let text = String(file.value);
    let current = tree;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const openers = falseOpeners(current as Node, text);
      if (openers.length === 0) return round === 0 ? undefined : current;
      // From the end, so earlier offsets stay right.
      for (const offset of openers.sort((a, b) => b - a)) text = `${text.slice(0, offset)}\\${text.slice(offset)}`;
      current = parser.parse(text);
    }
    return current;
  };
}

function falseOpeners(node: Node, text: string, found: number[] = []): number[] {
  if (node.type === "inlineMath") {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || text.startsWith("$$", start)) return found; // $$…$$ inline: unambiguous
    const inner = text.slice(start + 1, end - 1);
    if (/^\s/.test(inner) || /\s$/.test(inner) || /^[0-9]/.test(text.slice(end, end + 1))) found.push(start);
    return found;
  }
  for (const child of node.children ?? []) falseOpeners(child, text, found);
  return found;
}
