import { getDayForCuration } from "@/db/queries/curation";
import { addDays, formatDay, parseDay, todayUtc } from "@/lib/dates";
import { paperPath } from "@/lib/arxiv-id";
import { dayPath } from "@/lib/paths";
import { AdminForm } from "@/components/admin/admin-form";
import { inputClass } from "@/components/admin/input-class";
import { EntryControls, entryHeadingId } from "@/components/admin/entry-controls";
import { requireAdminViewer } from "@/lib/admin-page";
import { addToDayAction } from "./actions";
import { countOf } from "@/lib/plural";

export const metadata = { title: "Daily list" };

export default async function AdminDayPage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  await requireAdminViewer();
  const requested = (await searchParams).day;
  const parsed = requested ? parseDay(requested) : null;
  const day = parsed?.ok ? parsed.value : todayUtc();
  const entries = await getDayForCuration({ day });
  const visible = entries.filter((e) => !e.hiddenAt).length;

  return (
    <section aria-labelledby="curate-heading" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="curate-heading" tabIndex={-1} className="text-2xl font-bold tracking-tight">
            Curate {formatDay(day)}
          </h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {visible} on the list, {entries.length - visible} hidden ·{" "}
            <a className="underline" href={dayPath(day)}>
              public page
            </a>
          </p>
        </div>
        <form className="flex flex-wrap items-end gap-2" action="/admin">
          <a className="whitespace-nowrap rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700" href={`/admin?day=${addDays(day, -1)}`}>
            ← Previous day
          </a>
          <label className="flex flex-col text-sm">
            Day
            <input type="date" name="day" defaultValue={day} className={inputClass} />
          </label>
          <button className="rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700" type="submit">
            Show
          </button>
          <a className="whitespace-nowrap rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700" href={`/admin?day=${addDays(day, 1)}`}>
            Next day →
          </a>
        </form>
      </div>
      {parsed && !parsed.ok && <p role="alert">{parsed.reason} Showing today instead.</p>}

      <AdminForm action={addToDayAction} submitLabel="Add to this day" variant="primary" clearOnSuccess>
        <input type="hidden" name="day" value={day} />
        <label className="flex items-center gap-2 text-sm">
          arXiv ID or URL
          <input name="paperId" required placeholder="2401.12345" className={inputClass} />
        </label>
      </AdminForm>

      {entries.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">Nothing listed on this day.</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {entries.map((entry, index) => (
            <li key={entry.entryId} className={`rounded-lg border p-3 ${entry.hiddenAt ? "border-dashed border-zinc-300 opacity-80 dark:border-zinc-700" : "border-zinc-200 dark:border-zinc-800"}`}>
              {/* The link keeps its place at the right, however long the title. */}
              <div className="flex items-baseline justify-between gap-3">
                <h2 id={entryHeadingId(entry.entryId)} tabIndex={-1} className="min-w-0 break-words font-semibold">
                  <span className="mr-2 text-sm text-zinc-600 dark:text-zinc-400">#{index + 1}</span>
                  <a href={paperPath(entry.paperId)} className="hover:underline">
                    {entry.title}
                  </a>
                </h2>
                <a href={`/admin/papers/${entry.paperId}`} className="shrink-0 text-sm underline">
                  Edit details
                </a>
              </div>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                arXiv:{entry.paperId} · {countOf(entry.upvoteCount, "upvote")} · {countOf(entry.commentCount, "comment")} · submitted by {entry.submitter ?? "arXiv ingest (or a deleted account)"}
                {entry.pinnedPosition !== null && <strong className="ml-2 text-amber-800 dark:text-amber-300">Pinned #{entry.pinnedPosition}</strong>}
                {entry.hiddenAt && <strong className="ml-2 text-red-800 dark:text-red-300">Hidden: {entry.hiddenReason}</strong>}
              </p>
              <EntryControls entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
