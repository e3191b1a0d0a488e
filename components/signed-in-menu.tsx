"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signOutAction } from "@/app/(auth)/signout/actions";
import { Avatar } from "./avatar";
import { clearAllDrafts } from "./comments/use-draft";
import { ME_KEY, type Me } from "./use-me";

type SignedInUser = NonNullable<Me["user"]>;

/** The header's account corner for a signed-in reader: avatar, username, settings and "Sign out". */
export function SignedInMenu({ user }: { user: SignedInUser }) {
  const queryClient = useQueryClient();
  const handle = user.username ?? user.name ?? "Your account";
  return (
    <div className="flex items-center gap-2">
      {user.role === "admin" && !user.suspended && (
        <a href="/admin" className="rounded-md px-2 py-1 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-900">
          Admin
        </a>
      )}
      {user.username ? (
        <a href={`/u/${user.username}`} className="flex items-center gap-2 rounded-md px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-900" aria-label={`Your profile (${handle})`}>
          <Avatar name={user.name} username={user.username} />
          <span className="hidden max-w-32 truncate font-medium sm:inline">{handle}</span>
        </a>
      ) : (
        <Avatar name={user.name} username={user.username} label={handle} />
      )}
      {/* On a phone the header has no room: settings are linked from the reader's own profile. */}
      <a href="/settings" className="hidden rounded-md px-2 py-1 font-medium hover:bg-zinc-100 sm:inline dark:hover:bg-zinc-900">
        Settings
      </a>
      <form
        action={async () => {
          try {
            await signOutAction(); // ends in a redirect, which Next delivers as a rejection
          } finally {
            // The session is over on the server by now: forget whose page this was.
            queryClient.setQueryData<Me>(ME_KEY, { user: null });
            queryClient.removeQueries({ queryKey: ["comment-votes"] });
            clearAllDrafts();
          }
        }}
      >
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
          Sign out
        </button>
      </form>
    </div>
  );
}
