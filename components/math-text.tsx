import katex from "katex";
import { splitMath } from "@/lib/math-text";

/**
 * Text with TeX math rendered to HTML by KaTeX on the server; no JavaScript reaches the browser.
 * KaTeX escapes its input and, with `trust` off (the default), emits no links or raw HTML.
 */
export function MathText({ text }: { text: string }) {
  return (
    <>
      {splitMath(text).map((segment, index) =>
        segment.kind === "text" ? (
          segment.value
        ) : (
          <span
            key={index}
            dangerouslySetInnerHTML={{
              __html: katex.renderToString(segment.value, {
                displayMode: segment.display,
                throwOnError: false,
                output: "htmlAndMathml",
              }),
            }}
          />
        ),
      )}
    </>
  );
}
