import { notFound } from "next/navigation";

// Every address no route serves (/feeds, /no-such-page): without this, Next answers with its
// build-time 404, whose scripts carry no nonce, so the Content-Security-Policy blocks them and the
// page never runs (no "Sign in", no reason shown), and whose feed links name the build machine's
// origin. Rendered per request instead, like app/(site)/not-found-explained, under the request's
// nonce and the server's configuration. Every real route is more specific and wins.
export const dynamic = "force-dynamic";

export default function Unmatched(): never {
  notFound();
}
