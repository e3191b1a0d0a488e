import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { paperExists } from "@/db/queries/search";
import { searchPapersShared } from "@/db/queries/shared-reads";
import { paperPath } from "@/lib/arxiv-id";
import { MAX_QUERY_LENGTH, parseSearchRequest, SEARCH_PAGE_SIZE, searchFormValues, searchPageHref, type SearchFormValues } from "@/lib/search-request";
import { FormAlert } from "@/components/ui/form-alert";
import { SearchForm } from "@/components/search/search-form";
import { SearchHelp } from "@/components/search/search-help";
import { SearchResults } from "@/components/search/search-results";
import { SubmitPaperOffer } from "@/components/submit-paper-offer";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q, page } = searchFormValues(await searchParams);
  const title = q && q.length <= MAX_QUERY_LENGTH ? `Search: ${q}${page > 1 ? ` (page ${page})` : ""}` : "Search";
  return { title, robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const values = searchFormValues(await searchParams);
  const request = parseSearchRequest(values);

  // An arXiv ID or link is a request for that paper, not a search for its digits.
  if (request.kind === "arxiv-id" && (await paperExists({ id: request.id }))) {
    redirect(paperPath(request.version ? `${request.id}v${request.version}` : request.id));
  }

  return (
    <section aria-labelledby="search-heading" className="flex flex-col gap-4">
      <h1 id="search-heading" className="text-2xl font-bold tracking-tight">
        Search papers
      </h1>
      <SearchForm values={values} errors={request.kind === "bad-filters" ? request.errors : undefined} />
      <Outcome request={request} values={values} />
    </section>
  );
}

async function Outcome({ request, values }: { request: ReturnType<typeof parseSearchRequest>; values: SearchFormValues }) {
  switch (request.kind) {
    case "empty":
      return (
        <div className="rounded-lg border border-dashed border-zinc-300 p-6 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
          <SearchHelp />
        </div>
      );
    case "too-long":
      return (
        <FormAlert
          message={`Your search is ${request.length} characters long; searches can be at most ${MAX_QUERY_LENGTH}. Shorten it to the few words that matter most.`}
        />
      );
    case "bad-filters":
      return <FormAlert message="Fix the dates above to search." />;
    case "arxiv-id":
      return (
        <div role="status" className="flex flex-col items-start gap-2 rounded-lg border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
          <p className="font-medium">We don&apos;t have {request.id} yet.</p>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <SubmitPaperOffer paperId={request.id} />
          </p>
        </div>
      );
    case "search": {
      const offset = (request.page - 1) * SEARCH_PAGE_SIZE;
      const result = await searchPapersShared({ q: request.q, filters: request.filters, limit: SEARCH_PAGE_SIZE, offset });
      const { from, to, listedOnly } = request.filters;
      return (
        <SearchResults
          q={request.q}
          result={result}
          filtered={Boolean(from || to || listedOnly)}
          page={{ number: request.page, offset, size: SEARCH_PAGE_SIZE, href: (page) => searchPageHref(values, page) }}
        />
      );
    }
  }
}
