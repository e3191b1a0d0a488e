import { getCurrentUser } from "@/lib/auth/current-user";
import { isBanned } from "@/lib/auth/session-user";

/** What the browser needs to show who is signed in; nothing more leaves the server. */
export type Me = {
  user: { id: string; username: string | null; name: string | null; role: "user" | "admin"; suspended: boolean } | null;
};

// GET → { user }: who is reading. Pages are the same for everyone and cached; the header and the
// discussion ask here who the reader is, from the browser.
export async function GET() {
  const user = await getCurrentUser();
  const body: Me = {
    user: user && { id: user.id, username: user.username, name: user.name, role: user.role, suspended: isBanned(user) },
  };
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}
