import type { Metadata } from "next";
import { connection } from "next/server";
import { z } from "zod";
import { listAudit, listAuditActions } from "@/db/queries/audit";
import { paperPath } from "@/lib/arxiv-id";
import { countOf } from "@/lib/plural";
import { hasNoNul } from "@/lib/text-rules";

export const metadata: Metadata = { title: "Moderation log" };

const Filters = z.object({
  action: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  target: z.enum(["paper", "entry", "comment", "user"]).optional().catch(undefined),
  id: z.string().max(100).refine(hasNoNul).optional().catch(undefined),
  // An audit row id (PostgreSQL integer): a larger number was sent to the database and failed there.
  before: z.coerce.number().int().positive().max(2 ** 31 - 1).optional().catch(undefined),
});

const ACTION_LABELS: Record<string, string> = {
  add_to_day: "added to the list",
  hide_entry: "hid from the list",
  unhide_entry: "put back on the list",
  pin_entry: "pinned",
  unpin_entry: "unpinned",
  reorder_pins: "reordered pins",
  move_entry: "moved to another day",
  edit_paper: "edited",
  hide_comment: "hid",
  unhide_comment: "restored",
  ban_user: "banned",
  unban_user: "lifted a ban on",
  promote_user: "made admin",
  demote_user: "removed admin from",
};

function targetLink(type: string, id: string, details: Record<string, unknown> | null) {
  if (type === "paper") return <a href={paperPath(id)} className="font-mono underline">{id}</a>;
  if (type === "user") return <a href={`/u/${id}`} className="underline">{id}</a>;
  if (type === "comment" && typeof details?.paperId === "string") {
    return <a href={`${paperPath(details.paperId)}#comment-${id}`} className="underline">comment {id}</a>;
  }
  return `${type} ${id}`;
}

// In the filter an action stands alone, without the object a log line gives it.
const FILTER_LABELS: Record<string, string> = { hide_comment: "hid a comment", unhide_comment: "restored a comment" };

/** What a ban hid, or its lifting restored, as counted then ("hid 2 comments and 1 submission"). */
function contentCounts(details: Record<string, unknown> | null) {
  for (const [key, verb] of [["hidden", "hid"], ["restored", "restored"]] as const) {
    const counts = details?.[key];
    if (counts && typeof counts === "object" && "comments" in counts && "entries" in counts) {
      const { comments, entries } = counts as { comments: number; entries: number };
      return <span> ({verb} {countOf(comments, "comment")} and {countOf(entries, "submission")})</span>;
    }
  }
  return null;
}

/** Public, append-only log of every curation and moderation action, newest first (as on Lobsters). */
export default async function ModerationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await connection();
  const filters = Filters.parse(await searchParams);
  const [entries, actions] = await Promise.all([
    listAudit({ action: filters.action, targetType: filters.target, targetId: filters.id, before: filters.before, limit: 50 }),
    listAuditActions(),
  ]);
  const older = entries.length === 50 ? entries.at(-1)!.id : null;
  const query = (extra: Record<string, string>) =>
    "?" + new URLSearchParams(Object.entries({ action: filters.action, target: filters.target, id: filters.id, ...extra }).filter(([, v]) => v) as [string, string][]);

  return (
    <section aria-labelledby="log-heading" className="flex flex-col gap-4">
      <div>
        <h1 id="log-heading" className="text-2xl font-bold tracking-tight">
          Moderation log
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Every change admins make to the list, papers, comments and accounts, newest first.</p>
      </div>
      <form action="/moderation" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Action
          <select name="action" defaultValue={filters.action ?? ""} className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {FILTER_LABELS[a] ?? ACTION_LABELS[a] ?? a}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Target
          <select name="target" defaultValue={filters.target ?? ""} className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">Any</option>
            <option value="paper">Papers</option>
            <option value="comment">Comments</option>
            <option value="user">Users</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Target ID
          <input name="id" defaultValue={filters.id ?? ""} placeholder="2401.12345 or username" className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900" />
        </label>
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700">
          Filter
        </button>
      </form>
      {entries.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">No moderation actions match.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
          {entries.map((entry) => (
            <li key={entry.id} className="py-2 text-sm">
              <time dateTime={entry.createdAt.toISOString()} className="mr-2 text-zinc-600 dark:text-zinc-400">
                {entry.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </time>
              <strong>{entry.actorUsername ?? "server command line"}</strong>
              {entry.actorDeleted && " (account deleted)"} {ACTION_LABELS[entry.action] ?? entry.action}{" "}
              {targetLink(entry.targetType, entry.targetId, entry.details)}
              {typeof entry.details?.day === "string" && <span> ({entry.details.day})</span>}
              {typeof entry.details?.ban === "string" && <span> when {entry.details.ban} was banned</span>}
              {typeof entry.details?.unban === "string" && <span> when the ban on {entry.details.unban} was lifted</span>}
              {contentCounts(entry.details)}
              {typeof entry.details?.from === "string" && <span> ({String(entry.details.from)} → {String(entry.details.to)})</span>}
              {entry.reason && <span className="text-zinc-700 dark:text-zinc-300"> — “{entry.reason}”</span>}
            </li>
          ))}
        </ol>
      )}
      {older && (
        <a href={`/moderation${query({ before: String(older) })}`} className="self-start underline">
          Older entries
        </a>
      )}
    </section>
  );
}
