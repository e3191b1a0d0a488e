import { searchUsers } from "@/db/queries/moderation";
import { AdminForm, HiddenField } from "@/components/admin/admin-form";
import { inputClass } from "@/components/admin/input-class";
import { requireAdminViewer } from "@/lib/admin-page";
import { formatDay } from "@/lib/dates";
import { banUserAction, setRoleAction, unbanUserAction } from "../actions";

export const metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const me = await requireAdminViewer();
  const query = ((await searchParams).q ?? "").replaceAll("\u0000", "").slice(0, 100);
  const people = await searchUsers({ query });
  return (
    <section aria-labelledby="users-heading" className="flex flex-col gap-4">
      <h1 id="users-heading" className="text-2xl font-bold tracking-tight">
        Users
      </h1>
      <form role="search" action="/admin/users" className="flex gap-2">
        <label className="flex min-w-0 flex-1 items-center gap-2 text-sm sm:flex-none">
          Find
          <input name="q" defaultValue={query} placeholder="username, name or email" className={`${inputClass} min-w-0 flex-1 sm:w-64`} />
        </label>
        <button type="submit" className="rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700">
          Search
        </button>
      </form>
      <ul className="flex flex-col gap-3">
        {people.map((person) => (
          <li key={person.id} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <p className="font-medium">
              {/* Names the person for the buttons below, which all say only what they do. */}
              <span id={`user-${person.id}`} tabIndex={-1} className="outline-offset-2">
                {person.username ? (
                  <a href={`/u/${person.username}`} className="underline underline-offset-2">
                    {person.username}
                  </a>
                ) : (
                  person.id
                )}
              </span>{" "}
              <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
                {person.name} · {person.email} · {person.role} · joined {formatDay(person.createdAt.toISOString().slice(0, 10), "short")}
                {person.bannedAt && <strong className="ml-2 text-red-800 dark:text-red-300">banned</strong>}
              </span>
            </p>
            {person.id !== me?.id && (
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
                {person.bannedAt ? (
                  <AdminForm action={unbanUserAction} submitLabel="Lift ban" describedBy={`user-${person.id}`} focusAfter={`user-${person.id}`}>
                    <HiddenField name="userId" value={person.id} />
                    <label className="flex items-center gap-1 text-sm">
                      <input type="checkbox" name="restoreContent" /> also restore the comments and submissions the ban hid
                    </label>
                  </AdminForm>
                ) : (
                  <AdminForm
                    action={banUserAction}
                    submitLabel="Ban"
                    variant="danger"
                    confirm={`Ban ${person.username}?`}
                    describedBy={`user-${person.id}`}
                    // The ban's form gives way to the lift-ban form: focus goes back to the person.
                    focusAfter={`user-${person.id}`}
                  >
                    <HiddenField name="userId" value={person.id} />
                    <input name="reason" required minLength={3} placeholder="Reason (public)" aria-label={`Reason for banning ${person.username}`} className={inputClass} />
                    <label className="flex items-center gap-1 text-sm">
                      <input type="checkbox" name="hideContent" /> also hide their comments and submissions
                    </label>
                  </AdminForm>
                )}
                <AdminForm
                  action={setRoleAction}
                  submitLabel={person.role === "admin" ? "Demote to reader" : "Promote to admin"}
                  // Making someone an admin hands them the whole site: asked, as a ban is.
                  confirm={
                    person.role === "admin"
                      ? `Make ${person.username} a reader again? They lose the admin pages at once.`
                      : `Make ${person.username} an admin? Admins curate the list, hide comments and ban readers.`
                  }
                  describedBy={`user-${person.id}`}
                >
                  <HiddenField name="userId" value={person.id} />
                  <HiddenField name="role" value={person.role === "admin" ? "user" : "admin"} />
                </AdminForm>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
