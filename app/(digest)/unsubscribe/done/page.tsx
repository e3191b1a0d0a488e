import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Unsubscribed" };

export default async function UnsubscribedPage() {
  await connection(); // per request, for the request's CSP nonce (a build-time page has none)
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">You are unsubscribed</h1>
      <p role="status">No more digests will be sent to this address.</p>
      <p className="text-sm">
        Changed your mind?{" "}
        <a href="/subscribe" className="font-medium text-accent-700 underline dark:text-accent-300">
          Subscribe again
        </a>
      </p>
    </>
  );
}
