import Link from "next/link";
import { signOutAction } from "@/app/(auth)/signout/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { Avatar } from "./avatar";
import { SignInLink } from "./sign-in-link";

/** The header's account corner: avatar, username and "Sign out", or a "Sign in" link. */
export async function UserMenu() {
  const user = await getCurrentUser();
  if (!user) return <SignInLink />;
  const handle = user.username ?? user.name ?? "Your account";
  return (
    <div className="flex items-center gap-2">
      {user.role === "admin" && !user.bannedAt && (
        <Link href="/admin" className="rounded-md px-2 py-1 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-900">
          Admin
        </Link>
      )}
      {user.username ? (
        <Link href={`/u/${user.username}`} className="flex items-center gap-2 rounded-md px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-900" aria-label={`Your profile (${handle})`}>
          <Avatar name={user.name} username={user.username} />
          <span className="hidden max-w-32 truncate font-medium sm:inline">{handle}</span>
        </Link>
      ) : (
        <Avatar name={user.name} username={user.username} label={handle} />
      )}
      <form action={signOutAction}>
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
          Sign out
        </button>
      </form>
    </div>
  );
}

/** Holds the menu's place while the user is read, so the header does not jump. */
export function UserMenuPlaceholder() {
  return <span aria-hidden="true" className="inline-block h-8 w-20" />;
}
