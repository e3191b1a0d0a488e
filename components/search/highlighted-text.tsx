import { splitHighlighted } from "@/lib/highlight";
import { TexMath } from "../math-text";

/**
 * A ts_headline result: prose as text that React escapes, with <mark> around the matches, and TeX
 * math through KaTeX as MathText renders it. Nothing from the database is inserted as HTML.
 */
export function HighlightedText({ headline }: { headline: string }) {
  return (
    <>
      {splitHighlighted(headline).map((segment, index) => {
        if (segment.kind === "math") return <TexMath key={index} tex={segment.value} display={segment.display} />;
        return segment.marked ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-zinc-950 dark:bg-amber-300">
            {segment.value}
          </mark>
        ) : (
          segment.value
        );
      })}
    </>
  );
}
