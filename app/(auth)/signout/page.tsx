import type { Metadata } from "next";
import { BackToTodaysPapers } from "@/components/back-to-todays-papers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Sign out" };

// Sign-out is a POST (a link could be followed by a prefetcher or a hostile page); this page is
// the form for anyone who arrives here by URL, including Auth.js's own sign-out redirect.
export default async function SignOutPage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight">You are signed out</h1>
        <BackToTodaysPapers />
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Sign out?</h1>
      <p>You are signed in as {user.username ?? user.name}. Signing out ends your sessions on every device.</p>
      <form action={signOutAction}>
        <button type="submit" className="w-full rounded-md bg-zinc-900 px-4 py-2 text-sm font-semibold text-white dark:bg-zinc-100 dark:text-zinc-900">
          Sign out
        </button>
      </form>
    </>
  );
}
