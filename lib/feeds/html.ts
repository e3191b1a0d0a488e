import { xmlFragment, xmlSafeText } from "./xml";

/** Plain text as HTML paragraphs, escaped by the XML builder (its output is also valid HTML). */
export function textToHtml(text: string): string {
  const paragraphs = xmlSafeText(text)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return xmlFragment({ div: { p: paragraphs } });
}
