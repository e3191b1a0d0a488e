import { EntityDecoder } from "@nodable/entities";
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { parseArxivId } from "@/lib/arxiv-id";
import { ArxivApiError, ArxivFeedError } from "./errors";

// The arXiv export API answers with an Atom 1.0 feed (info.arxiv.org/help/api/user-manual.html):
// Atom elements, arXiv's extensions in http://arxiv.org/schemas/atom and paging in OpenSearch 1.1.

export type ArxivAuthor = { name: string; affiliations: string[] };

export type ArxivEntry = {
  /** Canonical identifier without version: "2401.12345" or "hep-th/9901001". */
  id: string;
  /** The version this entry describes; arXiv returns the latest unless a version was asked for. */
  version: number;
  title: string;
  abstract: string;
  authors: ArxivAuthor[];
  /** When version 1 was submitted. */
  publishedAt: Date;
  /** When this version was submitted (equal to publishedAt for version 1). */
  updatedAt: Date;
  /** Every category term in order, the primary one included; may hold ACM or MSC codes too. */
  categories: string[];
  primaryCategory: string | null;
  comment: string | null;
  journalRef: string | null;
  doi: string | null;
  pdfUrl: string | null;
};

export type ArxivFeed = {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  entries: ArxivEntry[];
};

// Elements that may repeat are always arrays, so one author reads the same as many.
const REPEATED = new Set([
  "feed.entry",
  "feed.entry.author",
  "feed.entry.author.affiliation",
  "feed.entry.category",
  "feed.entry.link",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Prefixes, not namespace URIs: the classic feed declares xmlns:arxiv on each element and the
  // 2025 one once on <feed>, but both spell them "arxiv:" and "opensearch:", and none of the
  // local names we read (comment, doi, totalResults, …) is also an Atom element.
  removeNSPrefix: true,
  // Keep every value a string: titles such as "1984" must not turn into numbers.
  parseTagValue: false,
  isArray: (_name, jPath) => REPEATED.has(String(jPath)),
  // XML's own entities plus numeric references (&#233;); a DOCTYPE may not define new ones.
  entityDecoder: new EntityDecoder({ onInputEntity: () => "block" }),
});

/** An element's text: a plain string, or `#text` when the element also has attributes. */
const text = z
  .union([z.string(), z.object({ "#text": z.string().optional() })])
  .transform((value) => (typeof value === "string" ? value : (value["#text"] ?? "")));

/** Titles and abstracts arrive hard-wrapped at ~80 columns; one line reads better anywhere. */
const collapsed = text.transform((value) => value.replace(/\s+/g, " ").trim());

const optionalText = collapsed.optional().transform((value) => value || null);

const count = text.pipe(z.string().regex(/^\s*\d+\s*$/, "expected a whole number")).transform(Number);

const timestamp = collapsed.pipe(z.iso.datetime({ offset: true })).transform((value) => new Date(value));

const term = z.object({ "@_term": z.string() });

const link = z.object({ "@_href": z.string(), "@_title": z.string().optional() });

const EntrySchema = z
  .object({
    id: collapsed,
    title: collapsed.pipe(z.string().min(1)),
    summary: collapsed,
    published: timestamp,
    updated: timestamp,
    author: z.array(z.object({ name: collapsed, affiliation: z.array(collapsed).default([]) })).default([]),
    category: z.array(term).default([]),
    primary_category: term.optional(),
    comment: optionalText,
    journal_ref: optionalText,
    doi: optionalText,
    link: z.array(link).default([]),
  })
  .transform((raw, ctx): ArxivEntry => {
    const parsed = parseArxivId(raw.id);
    if (!parsed) {
      ctx.addIssue({ code: "custom", path: ["id"], message: `not an arXiv abstract URL: ${raw.id}` });
      return z.NEVER;
    }
    return {
      id: parsed.id,
      // Real entries name their version. One that does not (the manual's examples do not) counts
      // as version 1, which can fill in a paper but never overwrite a newer stored version.
      version: parsed.version ?? 1,
      title: raw.title,
      abstract: raw.summary,
      authors: raw.author.map(({ name, affiliation }) => ({ name, affiliations: affiliation.filter(Boolean) })),
      publishedAt: raw.published,
      updatedAt: raw.updated,
      categories: [...new Set(raw.category.map((c) => c["@_term"].trim()).filter(Boolean))],
      primaryCategory: raw.primary_category?.["@_term"].trim() || null,
      comment: raw.comment,
      journalRef: raw.journal_ref,
      doi: raw.doi,
      pdfUrl: pdfLink(raw.link),
    };
  });

/**
 * The link titled "pdf". For some days in November 2025 arXiv sent its links without titles,
 * so a link into /pdf/ also counts.
 */
function pdfLink(links: z.infer<typeof link>[]): string | null {
  const found = links.find((l) => l["@_title"] === "pdf") ?? links.find((l) => /\/pdf\//.test(l["@_href"]));
  return found?.["@_href"] ?? null;
}

const FeedSchema = z.object({
  feed: z.object({
    totalResults: count,
    startIndex: count,
    itemsPerPage: count,
    entry: z.array(z.record(z.string(), z.unknown())).default([]),
  }),
});

const ERROR_ID = /^https?:\/\/arxiv\.org\/api\/errors/;

/**
 * Reads an export API response. Throws ArxivApiError for arXiv's error feed and ArxivFeedError
 * for anything that is not a feed of well-formed entries.
 */
export function parseAtomFeed(xml: string): ArxivFeed {
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch (error) {
    throw new ArxivFeedError(`not well-formed XML (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  const feed = FeedSchema.safeParse(document);
  if (!feed.success) throw new ArxivFeedError(describeIssue(feed.error));

  const { totalResults, startIndex, itemsPerPage, entry } = feed.data.feed;
  throwIfErrorFeed(entry);
  const entries = entry
    // The API before 2025 answered an unknown identifier with an entry that has no <id>.
    .filter((raw) => raw.id !== undefined)
    .map((raw, index) => {
      const parsed = EntrySchema.safeParse(raw);
      if (!parsed.success) throw new ArxivFeedError(`entry ${index + 1}: ${describeIssue(parsed.error)}`);
      return parsed.data;
    });
  return { totalResults, startIndex, itemsPerPage, entries };
}

function throwIfErrorFeed(entries: Record<string, unknown>[]) {
  for (const raw of entries) {
    const id = text.safeParse(raw.id);
    if (!id.success || !ERROR_ID.test(id.data.trim())) continue;
    const summary = collapsed.safeParse(raw.summary);
    throw new ArxivApiError({
      errorId: id.data.trim(),
      arxivMessage: summary.success && summary.data ? summary.data : "no message given",
    });
  }
}

function describeIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}
