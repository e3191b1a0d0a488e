import { Field } from "@/components/ui/field";
import { MAX_QUERY_LENGTH, type SearchFormValues } from "@/lib/search-request";

/**
 * The search page's own form: the words plus filters on the daily list. A plain GET form, so every
 * search is a link that can be shared, bookmarked and opened without JavaScript.
 */
export function SearchForm({ values, errors = {} }: { values: SearchFormValues; errors?: { from?: string; to?: string } }) {
  return (
    <form role="search" aria-label="Search papers" action="/search" className="flex flex-col gap-3">
      <div className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search terms
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={values.q}
          // Longer input is still sent, so the page can say why it was not searched.
          placeholder="Words, “a phrase”, -exclude, or an arXiv ID"
          aria-describedby="search-syntax"
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-base placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400 sm:text-sm"
        />
        <button type="submit" className="rounded-md bg-accent-600 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-700">
          Search
        </button>
      </div>
      <p id="search-syntax" className="sr-only">
        Up to {MAX_QUERY_LENGTH} characters. Use quotes for phrases, a minus sign to exclude a word, and or between alternatives.
      </p>
      {/* Folded away until used, so results start high on a phone; open whenever a filter is set. */}
      <details open={Boolean(values.from || values.to || values.listed || errors.from || errors.to)} className="text-sm">
        <summary className="w-fit cursor-pointer font-medium text-zinc-700 dark:text-zinc-300">Filter by the daily list</summary>
        <fieldset className="mt-2 flex flex-wrap items-end gap-x-4 gap-y-2">
          <legend className="sr-only">Filter by the daily list</legend>
          <Field id="search-from" name="from" type="date" label="Listed from" defaultValue={values.from} errors={errors.from ? [errors.from] : undefined} />
          <Field id="search-to" name="to" type="date" label="Listed until" defaultValue={values.to} errors={errors.to ? [errors.to] : undefined} />
          <label className="flex items-center gap-2 pb-2">
            <input type="checkbox" name="listed" value="1" defaultChecked={values.listed} className="size-4 accent-accent-600" />
            Only papers that were on the list
          </label>
        </fieldset>
      </details>
    </form>
  );
}
