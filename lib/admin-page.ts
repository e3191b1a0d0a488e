import "server-only";
import { forbidden, unauthorized } from "next/navigation";
import { checkAccess } from "./action-core";
import { getCurrentUser } from "./auth/current-user";
import type { SessionUser } from "./auth/session-user";

/**
 * The signed-in admin viewing an admin page, or null: for the admin layout, which must not throw
 * (a refusal thrown there would reach the root's boundary, Next's bare 403 page, not
 * app/admin/forbidden.tsx).
 */
export async function adminViewer(): Promise<SessionUser | null> {
  const user = await getCurrentUser();
  return checkAccess(user, { role: "admin" }) ? null : user;
}

/**
 * The signed-in admin viewing an admin page. Anyone else gets a 401 (signed out) or a 403 (not an
 * admin, or suspended), drawn by app/admin/unauthorized.tsx and forbidden.tsx. Every admin page
 * calls this before it reads anything: the layout cannot refuse for it, because Next renders a
 * layout and its page in parallel and streams the page's output in the RSC payload even when the
 * layout never shows `children` — a page that read first would send its data (users' emails, say)
 * to anyone.
 */
export async function requireAdminViewer(): Promise<SessionUser> {
  const admin = await adminViewer();
  if (admin) return admin;
  // getCurrentUser is cached per request: this reads nothing adminViewer did not.
  if (!(await getCurrentUser())) unauthorized();
  forbidden();
}
