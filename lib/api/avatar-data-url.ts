import { avatarColor, initials } from "../avatar";
import { xmlFragment } from "../feeds/xml";

// The site draws initials avatars with CSS; API clients need an image URL. A data: URL carries the
// same picture with no route, no storage and no extra request.

export function avatarDataUrl(name: string | null, username: string): string {
  const svg = xmlFragment({
    svg: {
      "@_xmlns": "http://www.w3.org/2000/svg",
      "@_width": "64",
      "@_height": "64",
      "@_viewBox": "0 0 64 64",
      rect: { "@_width": "64", "@_height": "64", "@_rx": "32", "@_style": `fill:${avatarColor(username)}` },
      text: {
        "@_x": "32",
        "@_y": "32",
        "@_text-anchor": "middle",
        "@_dominant-baseline": "central",
        "@_font-family": "system-ui, sans-serif",
        "@_font-size": "26",
        "@_font-weight": "600",
        "@_fill": "#fff",
        "#text": initials(name, username),
      },
    },
  });
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
