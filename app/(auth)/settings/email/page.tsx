import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pendingEmailChange } from "@/db/queries/email-changes";
import { getCurrentUser } from "@/lib/auth/current-user";
import { EMAIL_CHANGE_PATH } from "@/lib/auth/email-change";
import { hashToken, TokenInput } from "@/lib/digest/tokens";
import { first, type SearchParams } from "@/lib/search-params";
import { signInAddress } from "@/lib/sign-in-address";
import { ConfirmEmailChangeForm } from "./confirm-form";

export const metadata: Metadata = { title: "Confirm your new address", robots: { index: false } };

// What the address-change email links to. Opening it changes nothing (mail scanners open links);
// the button does, for the account that asked, signed in.
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = first((await searchParams).token) ?? "";
  const user = await getCurrentUser();
  if (!user) redirect(signInAddress(EMAIL_CHANGE_PATH, `?${new URLSearchParams({ token: raw })}`));
  const token = TokenInput.safeParse(raw);
  const newEmail = token.success ? await pendingEmailChange({ userId: user.id, tokenHash: hashToken(token.data) }) : null;
  if (!token.success || !newEmail) {
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight">This link no longer works</h1>
        <p>It was used, replaced by a newer one, or it expired — or it was sent to another account than the one signed in here.</p>
        <p>
          <a href="/settings" className="text-accent-700 underline dark:text-accent-300">
            Account settings
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Confirm your new address</h1>
      <p>
        Sign in to <strong>{user.username ?? user.name}</strong> with <strong className="break-words">{newEmail}</strong> from now on
        {user.email ? (
          <>
            , instead of <span className="break-words">{user.email}</span>
          </>
        ) : null}
        ?
      </p>
      <ConfirmEmailChangeForm token={token.data} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Did not ask for this? Close this page: nothing changes until the button is pressed.</p>
    </>
  );
}
