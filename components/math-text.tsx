import katex from "katex";
import { PAPER_TEXT_KATEX } from "@/lib/katex-options";
import { splitMath } from "@/lib/math-text";

/**
 * Text with TeX math rendered to HTML by KaTeX on the server; no JavaScript reaches the browser.
 * KaTeX escapes its input and, with `trust` off (lib/katex-options.ts), emits no links or raw HTML.
 */
export function MathText({ text }: { text: string }) {
  return (
    <>
      {splitMath(text).map((segment, index) =>
        segment.kind === "text" ? segment.value : <TexMath key={index} tex={segment.value} display={segment.display} />,
      )}
    </>
  );
}

/** One TeX expression, rendered by KaTeX (see above for why its HTML is safe to insert). */
export function TexMath({ tex, display }: { tex: string; display: boolean }) {
  return (
    <span
      dangerouslySetInnerHTML={{
        __html: katex.renderToString(tex, { ...PAPER_TEXT_KATEX, displayMode: display, throwOnError: false, output: "htmlAndMathml" }),
      }}
    />
  );
}
