"use client";

import { useMe } from "./use-me";

/**
 * "Account settings" on a profile, for its owner only. Profiles are the same page for everyone;
 * who is reading comes from /api/me, as in the header.
 */
export function OwnProfileLink({ username }: { username: string }) {
  const { data } = useMe();
  if (data?.user?.username !== username) return null;
  return (
    <a href="/settings" className="text-sm font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
      Account settings
    </a>
  );
}
