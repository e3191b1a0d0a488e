import { notFound } from "next/navigation";

// Where proxy.ts sends junk under the cached routes (a 30th of February, a week 60, an ID that is
// not one, a home-page route that is not a date): rendered per request, so no cache entry is made
// for every junk address anyone types, and under the request's nonce, so app/not-found.tsx runs in
// the browser and says what was wrong from the address the reader sees. (Next's own build-time
// 404 carries no nonce at all: the policy would block its scripts. Addresses no route serves get
// app/(site)/[...unmatched] instead.)
export const dynamic = "force-dynamic";

export default function NotFoundExplained(): never {
  notFound();
}
