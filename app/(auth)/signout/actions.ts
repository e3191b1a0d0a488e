"use server";

import { signOut } from "@/lib/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { endSessions } from "@/db/queries/users";

/**
 * Ends the session on the server, not only in this browser: the version every cookie of this
 * user must carry moves on, so a copied or stolen cookie stops working too. That signs the user
 * out on all their devices, the price of JWT sessions that cannot be revoked one by one.
 */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endSessions({ userId: user.id, fromVersion: user.sessionVersion });
  await signOut({ redirectTo: "/" });
}
