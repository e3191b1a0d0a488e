import { unsubscribe } from "@/db/queries/subscriptions";
import { TokenInput } from "@/lib/digest/tokens";
import { readCappedText } from "@/lib/read-capped-body";

// The List-Unsubscribe URL of every digest: /unsubscribe?token=…
//
// POST unsubscribes (RFC 8058 one-click: mail providers POST "List-Unsubscribe=One-Click" from
// their own servers, so there is no session and no same-origin check: the token is the authority).
// GET only shows a page with a button, because mail scanners and link previews fetch every link
// in a mail and must not unsubscribe anyone by doing so.

const noStore = { "cache-control": "no-store" };

export async function GET(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { ...noStore, location: `/unsubscribe/confirm?${new URLSearchParams({ token })}` } });
}

export async function POST(request: Request): Promise<Response> {
  const form = await readForm(request);
  const fromOurPage = form?.get("source") === "page";
  const token = TokenInput.safeParse(new URL(request.url).searchParams.get("token") ?? form?.get("token"));
  const done = token.success ? await unsubscribe({ token: token.data }) : null;

  if (fromOurPage) {
    // Our own page's button: back to a page, as a browser form expects.
    const location = done ? "/unsubscribe/done" : `/unsubscribe/confirm?${new URLSearchParams({ token: token.data ?? "" })}`;
    return new Response(null, { status: 303, headers: { ...noStore, location } });
  }
  return done
    ? new Response("You are unsubscribed from the Paperboard digest.\n", { status: 200, headers: { ...noStore, "content-type": "text/plain; charset=utf-8" } })
    : new Response("This unsubscribe link is not valid.\n", { status: 404, headers: { ...noStore, "content-type": "text/plain; charset=utf-8" } });
}

// Our button sends two fields and mail providers one ("List-Unsubscribe=One-Click"): a few
// hundred bytes. Read at most this much, so nobody can make the server parse megabytes of fields
// (10 MB of "a&a&…" took seconds and half a gigabyte).
const MAX_FORM_BYTES = 4_096;

async function readForm(request: Request): Promise<FormData | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/x-www-form-urlencoded") && !type.includes("multipart/form-data")) return null;
  const body = await readCappedText(request, MAX_FORM_BYTES);
  if (body === null) return null;
  try {
    return await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    return null;
  }
}
