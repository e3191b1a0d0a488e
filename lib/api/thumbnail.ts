import { xmlDocument, xmlSafeText } from "../feeds/xml";

// The `thumbnail` of the daily-papers API: a plain SVG card with the paper's title, drawn on
// request, so there is nothing to render ahead of time or store.

const WIDTH = 640;
const HEIGHT = 336;
const LINE_CHARS = 34;
const MAX_LINES = 5;

/** Breaks a title into at most MAX_LINES lines of about LINE_CHARS characters, on spaces. */
export function wrapTitle(title: string): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of title.replace(/\s+/g, " ").trim().split(" ")) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= LINE_CHARS || !current) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
  }
  if (current) lines.push(current);
  if (lines.length <= MAX_LINES) return lines.map(clip);
  return [...lines.slice(0, MAX_LINES - 1).map(clip), `${clip(lines[MAX_LINES - 1]).slice(0, LINE_CHARS - 1)}…`];
}

function clip(line: string): string {
  return line.length > LINE_CHARS + 6 ? `${line.slice(0, LINE_CHARS + 5)}…` : line;
}

export function thumbnailSvg({ id, title }: { id: string; title: string }): string {
  const text = (y: number, size: number, fill: string, family: string) => ({ "@_x": "48", "@_y": String(y), "@_font-family": family, "@_font-size": String(size), "@_fill": fill });
  return xmlDocument({
    svg: {
      "@_xmlns": "http://www.w3.org/2000/svg",
      "@_width": String(WIDTH),
      "@_height": String(HEIGHT),
      "@_viewBox": `0 0 ${WIDTH} ${HEIGHT}`,
      "@_role": "img",
      title: xmlSafeText(title),
      rect: [
        { "@_width": String(WIDTH), "@_height": String(HEIGHT), "@_fill": "#f8fafc" },
        { "@_width": "12", "@_height": String(HEIGHT), "@_fill": "#4f46e5" },
      ],
      text: [
        {
          ...text(72, 28, "#0f172a", "Georgia, serif"),
          tspan: wrapTitle(xmlSafeText(title)).map((line, index) => ({ "@_x": "48", "@_dy": index === 0 ? "0" : "38", "#text": line })),
        },
        { ...text(HEIGHT - 40, 18, "#475569", "system-ui, sans-serif"), "#text": `arXiv:${id} · Paperboard` },
      ],
    },
  });
}
