import type { Metadata } from "next";
import { BackToSignIn } from "../../back-to-sign-in";
import { z } from "zod";
import { first, type SearchParams } from "@/lib/search-params";
import { EMAIL_LINK_CALLBACK_PATH } from "@/lib/auth/email-link";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

// What the sign-in email links to. Opening it changes nothing (mail scanners open links); the
// button goes on to Auth.js's callback, which spends the one-time token and signs in.
const LinkParams = z.object({
  token: z.string().regex(/^[\w-]{16,200}$/),
  email: z.email().max(320),
  callbackUrl: z.string().max(2000).optional(),
});

export default async function ConfirmSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const params = LinkParams.safeParse({ token: first(raw.token), email: first(raw.email), callbackUrl: first(raw.callbackUrl) });
  if (!params.success) {
    return (
      <>
        <h1 className="text-2xl font-bold tracking-tight">This sign-in link is incomplete</h1>
        <p>Part of the link may have been cut off. Open it again from the email, or ask for a new one.</p>
        <BackToSignIn />
      </>
    );
  }
  const { token, email, callbackUrl } = params.data;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Sign in to Paperboard</h1>
      <p>
        Sign in as <strong className="break-words">{email}</strong>?
      </p>
      <form method="get" action={EMAIL_LINK_CALLBACK_PATH}>
        {callbackUrl !== undefined && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <button type="submit" className="w-full rounded-md bg-accent-600 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-700">
          Sign in
        </button>
      </form>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Did not ask to sign in? Close this page: nothing happens until the button is pressed.</p>
    </>
  );
}
