import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPasswordHash } from "@/db/queries/account-settings";
import { pendingEmailChange } from "@/db/queries/email-changes";
import { getCurrentUser } from "@/lib/auth/current-user";
import { digestsAvailable } from "@/lib/digest/mail-config";
import { getEnv } from "@/lib/env";
import { signInAddress } from "@/lib/sign-in-address";
import { first, type SearchParams } from "@/lib/search-params";
import { DeleteAccountForm, EmailForm, PasswordSettingsForm, RenameForm } from "./settings-forms";

export const metadata: Metadata = { title: "Account settings", robots: { index: false } };

export default async function SettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (!user) redirect(signInAddress("/settings"));
  const [passwordHash, newEmail, params] = await Promise.all([getPasswordHash({ userId: user.id }), pendingEmailChange({ userId: user.id, tokenHash: null }), searchParams]);
  const hasPassword = passwordHash !== null;
  const saved = first(params.saved);
  const passwordSaved = saved === "password";
  // Moving to another address takes a mail; a server that sends none does not offer it.
  const mailAvailable = digestsAvailable(getEnv());
  // A suspended account keeps its record: it cannot delete itself (the action refuses it too).
  const confirmName = user.bannedAt ? null : (user.username ?? user.email);
  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">Account settings</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Signed in as <strong className="break-words">{user.email ?? user.username}</strong>
          {user.username && (
            <>
              {" · "}
              <a href={`/u/${user.username}`} className="text-accent-700 underline dark:text-accent-300">
                your profile
              </a>
            </>
          )}
        </p>
      </div>
      <section aria-labelledby="name-heading" className="flex flex-col gap-3">
        <h2 id="name-heading" className="text-lg font-semibold">
          Display name
        </h2>
        <RenameForm name={user.name ?? ""} />
      </section>
      {mailAvailable && (
        <section aria-labelledby="email-heading" className="flex flex-col gap-3">
          <h2 id="email-heading" className="text-lg font-semibold">
            Email address
          </h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {user.email ? (
              <>
                You sign in with <strong className="break-words">{user.email}</strong>.
              </>
            ) : (
              "This account has no email address."
            )}{" "}
            A digest subscription stays with the address it was made for.
          </p>
          <EmailForm hasPassword={hasPassword} justChanged={saved === "email" ? user.email : null} newEmail={newEmail} />
        </section>
      )}
      {user.email && (
        <section aria-labelledby="password-heading" className="flex flex-col gap-3">
          <h2 id="password-heading" className="text-lg font-semibold">
            {hasPassword ? "Change your password" : "Set a password"}
          </h2>
          {!hasPassword && (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              This account has no password: it signs in by email link. With a password you can sign in without waiting for an email. (A password set at sign-up
              is removed when the address is first confirmed by an email link, in case someone else had signed up with it.)
            </p>
          )}
          <PasswordSettingsForm hasPassword={hasPassword} justChanged={passwordSaved} />
        </section>
      )}
      {confirmName && (
        <section aria-labelledby="delete-heading" className="flex flex-col gap-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <h2 id="delete-heading" className="text-lg font-semibold">
            Delete your account
          </h2>
          <div className="flex flex-col gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <p>This cannot be undone. At once:</p>
            <ul className="list-disc pl-5">
              <li>your comments are erased and show as “[deleted]” (replies to them stay);</li>
              <li>your upvotes are withdrawn from the counts;</li>
              <li>the email digest to your address stops, and the address is forgotten;</li>
              <li>every browser signed in to this account is signed out.</li>
            </ul>
            <p>
              Papers you submitted stay on their days, without your name. Your username stays reserved, so nobody else can take it, and moderators’ records of
              their actions stay in the public log.
            </p>
          </div>
          <DeleteAccountForm name={confirmName} hasPassword={hasPassword} />
        </section>
      )}
    </>
  );
}
