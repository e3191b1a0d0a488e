import type { Metadata } from "next";
import { decodeSegments } from "@/lib/uri";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getPaper } from "@/db/queries/papers";
import { arxivAbsUrl, arxivIdMonth, arxivPdfUrl, parseArxivId } from "@/lib/arxiv-id";
import { commentFeedAlternates } from "@/lib/feeds/alternates";
import { formatDay } from "@/lib/dates";
import { dayPath } from "@/lib/paths";
import { Discussion } from "@/components/comments/discussion";
import { MathText } from "@/components/math-text";
import { Upvoters } from "@/components/votes/upvoters";
import { UpvoteButton } from "@/components/votes/upvote-button";
import { ReaderVotesScope } from "@/components/votes/reader-votes";
import { getUpvoters } from "@/db/queries/votes";

import { SubmittedNotice } from "./submitted-notice";

// Cached for everyone (lib/cached-pages.ts says how fresh); none rendered at build time. The
// reader's own votes and what they may do in the discussion are filled in by the browser.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

// A catch-all route, because old-style identifiers carry a slash: /papers/hep-th/9901001.
type Props = { params: Promise<{ id: string[] }> };

// generateMetadata and the page both need the paper: one read per render, not two.
const getPaperOnce = cache((id: string) => getPaper({ id }));

async function loadPaper(params: Props["params"]) {
  // Safely: /papers/%25 arrives as "%", which decodeURIComponent would throw on (a 500, not a 404).
  const raw = decodeSegments((await params).id).join("/");
  const parsed = parseArxivId(raw);
  if (!parsed) return null;
  const paper = await getPaperOnce(parsed.id);
  return paper ? { paper, requestedVersion: parsed.version } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadPaper(params);
  if (!found) return { title: "Paper not found" };
  const { paper } = found;
  return { title: paper.title, description: paper.abstract.slice(0, 200), alternates: { types: commentFeedAlternates(paper.id, paper.title) } };
}

export default async function PaperPage({ params }: Props) {
  const found = await loadPaper(params);
  if (!found) notFound(); // app/not-found.tsx says whether the ID was malformed or unknown
  const { paper, requestedVersion } = found;
  const upvoters = await getUpvoters({ paperId: paper.id, limit: 12 });
  const published = paper.publishedAt ? formatDay(paper.publishedAt.toISOString().slice(0, 10)) : null;
  const issuedMonth = arxivIdMonth(paper.id);

  return (
    <article aria-labelledby="paper-title" className="flex flex-col gap-5">
      <header className="flex flex-col gap-2">
        <p className="font-mono text-sm text-zinc-600 dark:text-zinc-400">
          arXiv:{paper.id}v{paper.latestVersion}
        </p>
        <h1 id="paper-title" className="text-2xl font-bold leading-tight tracking-tight sm:text-3xl">
          <MathText text={paper.title} />
        </h1>
        <SubmittedNotice listedSince={paper.listings[0] ? formatDay(paper.listings[0].day) : null} />
        {requestedVersion !== null && (
          <p role="note" className="rounded-md bg-accent-50 px-3 py-2 text-sm dark:bg-zinc-900">
            You asked for version {requestedVersion}.{" "}
            {requestedVersion === paper.latestVersion
              ? "That is the latest version we know of."
              : `This page shows version ${paper.latestVersion}, the latest we know of; `}
            {requestedVersion !== paper.latestVersion && (
              <a className="underline" href={arxivAbsUrl(paper.id, requestedVersion)}>
                read v{requestedVersion} on arXiv
              </a>
            )}
          </p>
        )}
        <p className="text-zinc-700 dark:text-zinc-300">
          <span className="sr-only">Authors: </span>
          {paper.authors.map((a) => a.name).join(", ")}
        </p>
      </header>

      <div className="flex flex-wrap items-center gap-3 text-sm">
        <ReaderVotesScope paperIds={[paper.id]}>
          <UpvoteButton paperId={paper.id} count={paper.upvoteCount} size="large" />
        </ReaderVotesScope>
        <a className="rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900" href={arxivPdfUrl(paper.id)}>
          PDF
        </a>
        <a className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium dark:border-zinc-700" href={arxivAbsUrl(paper.id)}>
          arXiv page
        </a>
        {paper.githubRepo && (
          <a className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium dark:border-zinc-700" href={paper.githubRepo}>
            Code
          </a>
        )}
        {paper.projectPage && (
          <a className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium dark:border-zinc-700" href={paper.projectPage}>
            Project page
          </a>
        )}
      </div>

      <Upvoters upvoters={upvoters} total={paper.upvoteCount} />

      <section aria-labelledby="abstract-heading">
        <h2 id="abstract-heading" className="mb-2 text-lg font-semibold">
          Abstract
        </h2>
        <p className="leading-relaxed text-zinc-800 dark:text-zinc-200">
          <MathText text={paper.abstract} />
        </p>
      </section>

      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">Published</dt>
        <dd>{published ?? (issuedMonth ? `${issuedMonth} (from the arXiv ID)` : "unknown")}</dd>
        {paper.categories.length > 0 && (
          <>
            <dt className="font-medium text-zinc-600 dark:text-zinc-400">Categories</dt>
            <dd>{paper.categories.join(", ")}</dd>
          </>
        )}
        <dt className="font-medium text-zinc-600 dark:text-zinc-400">On the daily list</dt>
        <dd>
          {paper.listings.length === 0 ? (
            paper.removedFrom.length > 0 ? (
              <>
                taken off the list of {paper.removedFrom.map((day) => formatDay(day, "short")).join(", ")} by a moderator (
                <a className="underline underline-offset-2" href={`/moderation?target=paper&id=${encodeURIComponent(paper.id)}`}>
                  why
                </a>
                )
              </>
            ) : (
              "not yet"
            )
          ) : (
            <ul className="flex flex-wrap gap-x-3">
              {paper.listings.map((listing) => (
                <li key={listing.day}>
                  <a className="underline underline-offset-2" href={dayPath(listing.day)}>
                    {formatDay(listing.day, "short")}
                  </a>
                  {listing.submitter && (
                    <span className="text-zinc-600 dark:text-zinc-400">
                      {" "}
                      (submitted by {listing.submitter.username ?? listing.submitter.name})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      <Discussion paperId={paper.id} />
    </article>
  );
}
