import { listPaperOnDay, upsertPapers } from "@/db/queries/catalogue";
import { fetchArxivByIds, searchArxiv } from "@/lib/arxiv/client";
import { ArxivFeedError } from "@/lib/arxiv/errors";
import type { ArxivEntry } from "@/lib/arxiv/parse-atom";
import { submittedOnQuery } from "@/lib/arxiv/query";
import type { IngestOptions } from "./args";

// Pulls a day's papers (or a list of IDs) from arXiv into the catalogue, a page at a time. Each
// page is stored in its own transaction before the next is asked for, so an interrupted run keeps
// what it got, and running it again finishes the job without duplicating anything.

export type PageReport = {
  page: number;
  pages: number;
  entries: number;
  inserted: number;
  updated: number;
  /** New entries on the day's list (0 without --list). */
  listed: number;
};

export type IngestSummary = {
  pages: number;
  entries: number;
  inserted: number;
  updated: number;
  listed: number;
  /** With --ids: the identifiers arXiv returned nothing for. */
  notFound: string[];
};

export async function runIngest(
  options: IngestOptions,
  { onPage }: { onPage: (report: PageReport) => void },
): Promise<IngestSummary> {
  const summary: IngestSummary = { pages: 0, entries: 0, inserted: 0, updated: 0, listed: 0, notFound: [] };
  const fetched: string[] = [];
  for await (const { page, pages, entries } of fetchPages(options)) {
    fetched.push(...entries.map((entry) => entry.id));
    const { inserted, updated } = await upsertPapers({ entries });
    const listed = options.list ? await listAll(entries, options.day) : 0;
    const report = { page, pages, entries: entries.length, inserted: inserted.length, updated: updated.length, listed };
    onPage(report);
    summary.pages = page;
    summary.entries += report.entries;
    summary.inserted += report.inserted;
    summary.updated += report.updated;
    summary.listed += listed;
  }
  if (options.source.kind === "ids") {
    const found = new Set(fetched);
    summary.notFound = options.source.ids.filter((id) => !found.has(id));
  }
  return summary;
}

type Page = { page: number; pages: number; entries: ArxivEntry[] };

async function* fetchPages({ day, source, pageSize }: IngestOptions): AsyncGenerator<Page> {
  if (source.kind === "ids") {
    const pages = Math.ceil(source.ids.length / pageSize);
    for (let page = 1; page <= pages; page++) {
      const batch = source.ids.slice((page - 1) * pageSize, page * pageSize);
      yield { page, pages, entries: await fetchArxivByIds(batch, { batchSize: pageSize }) };
    }
    return;
  }

  const query = submittedOnQuery({ day, categories: source.categories });
  // Oldest first, so pages stay put while the listing is read.
  for (let start = 0, page = 1, total = 1; start < total; start += pageSize, page++) {
    const feed = await searchArxiv({ query, start, maxResults: pageSize, sortBy: "submittedDate", sortOrder: "ascending" });
    total = feed.totalResults;
    if (feed.entries.length === 0 && start < total) {
      // The API now and then answers a page in the middle of a listing with nothing.
      throw new ArxivFeedError(`page ${page} came back empty although arXiv counts ${total} results`);
    }
    yield { page, pages: Math.max(1, Math.ceil(total / pageSize)), entries: feed.entries };
  }
}

async function listAll(entries: ArxivEntry[], day: string): Promise<number> {
  let created = 0;
  for (const entry of entries) {
    if ((await listPaperOnDay({ paperId: entry.id, day, submittedById: null })).created) created += 1;
  }
  return created;
}
