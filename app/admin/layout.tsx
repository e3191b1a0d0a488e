import type { Metadata } from "next";
import { connection } from "next/server";
import { countFlaggedComments } from "@/db/queries/comment-flags";
import { adminViewer } from "@/lib/admin-page";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Paperboard" }, robots: { index: false } };

// This check only decides what the layout shows: the admin navigation, or nothing around the
// page. Each page refuses anyone else itself, with a 401 or 403 (lib/admin-page.ts,
// ./unauthorized.tsx, ./forbidden.tsx). What protects the admin actions is lib/admin-action.ts and
// the data layer, which check the role on every call.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await connection();
  if (!(await adminViewer())) return children;
  // Comments readers flagged wait for a moderator: the count is on every admin page, not only
  // on the comments page an admin may not think to open.
  const flagged = await countFlaggedComments();
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Admin" className="flex flex-wrap gap-4 border-b border-zinc-200 pb-3 text-sm font-medium dark:border-zinc-800">
        <a href="/admin" className="hover:underline">
          Daily list
        </a>
        <a href="/admin/users" className="hover:underline">
          Users
        </a>
        <a href="/admin/comments" className="hover:underline">
          Comments
        </a>
        {flagged > 0 && (
          <a href="/admin/comments?flagged=1" className="rounded-full bg-amber-100 px-2 text-amber-900 hover:underline dark:bg-amber-950 dark:text-amber-200">
            {flagged} flagged
          </a>
        )}
        <a href="/moderation" className="hover:underline">
          Moderation log
        </a>
      </nav>
      {children}
    </div>
  );
}
