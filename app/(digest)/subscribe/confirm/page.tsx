import type { Metadata } from "next";
import { findConfirmation } from "@/db/queries/subscriptions";
import { SubmitButton } from "@/components/ui/submit-button";
import { CONFIRM_LINK_HOURS } from "@/lib/digest/confirmation-message";
import { hashToken, TokenInput } from "@/lib/digest/tokens";
import { first, type SearchParams } from "@/lib/search-params";
import { confirm } from "./actions";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

// Reads only: pressing the button (a POST) is what confirms.
export default async function ConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const token = TokenInput.safeParse(first((await searchParams).token));
  const request = token.success ? await findConfirmation({ tokenHash: hashToken(token.data) }) : null;
  if (!token.success || !request) {
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight">This link no longer works</h1>
        <p>
          Confirmation links work once, for {CONFIRM_LINK_HOURS} hours, and only the newest one sent to an address. If you already confirmed, there is nothing more to
          do.
        </p>
        <p className="text-sm">
          <a href="/subscribe" className="font-medium text-accent-700 underline dark:text-accent-300">
            Subscribe again
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Confirm your subscription</h1>
      <p>
        Send the <strong>{request.frequency}</strong> digest of trending papers to <strong className="break-words">{request.email}</strong>?
      </p>
      <form action={confirm}>
        <input type="hidden" name="token" value={token.data} />
        <SubmitButton pendingLabel="Confirming…">Confirm</SubmitButton>
      </form>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Did not ask for this? Close this page: nothing will be sent.</p>
    </>
  );
}
