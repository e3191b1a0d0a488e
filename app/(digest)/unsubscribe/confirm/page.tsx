import type { Metadata } from "next";
import { findByUnsubscribeToken } from "@/db/queries/subscriptions";
import { SubmitButton } from "@/components/ui/submit-button";
import { TokenInput } from "@/lib/digest/tokens";
import { first, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

// Where a digest's unsubscribe link lands (GET /unsubscribe redirects here). No sign-in needed:
// the token from the email is enough. The button posts to the one-click endpoint.
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const token = TokenInput.safeParse(first((await searchParams).token));
  const subscription = token.success ? await findByUnsubscribeToken({ token: token.data }) : null;
  if (!token.success || !subscription) {
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight">This unsubscribe link is not valid</h1>
        <p>Open the link again from a digest email; it may have been cut off when it was copied.</p>
      </>
    );
  }
  if (subscription.status === "unsubscribed") {
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight">You are unsubscribed</h1>
        <p>
          <strong className="break-words">{subscription.email}</strong> gets no digests.{" "}
          <a href="/subscribe" className="font-medium text-accent-700 underline dark:text-accent-300">
            Subscribe again
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Unsubscribe from the digest?</h1>
      <p>
        Stop sending the {subscription.frequency} digest to <strong className="break-words">{subscription.email}</strong>.
      </p>
      <form method="post" action={`/unsubscribe?${new URLSearchParams({ token: token.data })}`}>
        <input type="hidden" name="source" value="page" />
        <SubmitButton pendingLabel="Unsubscribing…">Unsubscribe</SubmitButton>
      </form>
    </>
  );
}
