import { parseArxivId } from "../arxiv-id";

// /api/papers/[...id] serves a paper and its sub-resources. Old-style arXiv IDs contain a slash
// (hep-th/9901001), so the ID is every segment up to an optional trailing sub-resource name; no
// arXiv ID ends in "comments" or "thumbnail.svg", so the split is unambiguous.

const RESOURCES = { comments: "comments", "thumbnail.svg": "thumbnail" } as const;

export type PaperPath =
  | { ok: true; id: string; resource: "paper" | (typeof RESOURCES)[keyof typeof RESOURCES] }
  | { ok: false; raw: string };

export function parsePaperPath(segments: string[]): PaperPath {
  const last = segments.at(-1) ?? "";
  const resource = Object.hasOwn(RESOURCES, last) ? RESOURCES[last as keyof typeof RESOURCES] : "paper";
  const idSegments = resource === "paper" ? segments : segments.slice(0, -1);
  const raw = idSegments.join("/");
  const parsed = parseArxivId(raw);
  return parsed ? { ok: true, id: parsed.id, resource } : { ok: false, raw };
}
