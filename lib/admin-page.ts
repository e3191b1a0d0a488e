import "server-only";
import { checkAccess } from "./action-core";
import { getCurrentUser } from "./auth/current-user";
import type { SessionUser } from "./auth/session-user";

/**
 * The signed-in admin viewing an admin page, or null. Every admin page calls this before it reads
 * anything: the layout's "Admins only" is not enough, because Next renders a layout and its page
 * in parallel and streams the page's output in the RSC payload even when the layout never shows
 * `children` — a page that read first would send its data (users' emails, say) to anyone.
 */
export async function adminViewer(): Promise<SessionUser | null> {
  const user = await getCurrentUser();
  return checkAccess(user, { role: "admin" }) ? null : user;
}
