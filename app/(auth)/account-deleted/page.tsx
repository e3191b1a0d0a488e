import type { Metadata } from "next";
import { BackToTodaysPapers } from "@/components/back-to-todays-papers";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

/** Where the browser lands after deleting its account (app/(auth)/settings/actions.ts), signed out. */
export default async function AccountDeletedPage() {
  // Rendered per request, for the request's CSP nonce: a page prerendered at build time has none,
  // and the browser refused its scripts.
  await connection();
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Your account is deleted</h1>
      <p>
        Your comments are erased, your upvotes withdrawn, and no more mail will come to your address. Every browser that was signed in to the account is signed out.
      </p>
      <BackToTodaysPapers />
    </>
  );
}
