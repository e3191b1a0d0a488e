"use client";

import { lazy, Suspense } from "react";
import { SignInLink } from "./sign-in-link";
import { useMe, useRefreshMeOnNavigation, useRefreshMeOnRestore } from "./use-me";

// Most readers are signed out, and the header is on every page: the signed-in menu (avatar,
// sign-out, forgetting drafts) is fetched only once /api/me has said someone is signed in, not
// downloaded by every visit (1.2 kB gzip of first-load JavaScript).
//
// If its download fails (a flaky connection, a deploy that replaced it), the header falls back to
// plain links rather than failing the page: the header is in the root layout, so a thrown import
// would take the whole page to app/global-error.tsx.
const SignedInMenu = lazy(() =>
  import("./signed-in-menu").then(
    (module) => ({ default: module.SignedInMenu }),
    () => ({ default: SignedInFallback }),
  ),
);

/**
 * The header's account corner: the signed-in menu, or a "Sign in" link. Drawn in the browser from
 * /api/me, so the page around it can be cached for everyone.
 */
export function UserMenu() {
  const { data, isError } = useMe();
  useRefreshMeOnNavigation();
  useRefreshMeOnRestore();
  if (isError) return <SignInLink />;
  if (!data) return <UserMenuPlaceholder />;
  if (!data.user) return <SignInLink />;
  return (
    <Suspense fallback={<UserMenuPlaceholder />}>
      <SignedInMenu user={data.user} />
    </Suspense>
  );
}

/** The account corner when the menu's code could not be fetched: /signout signs out without it. */
function SignedInFallback() {
  return (
    <div className="flex items-center gap-3">
      <a href="/settings" className="rounded-md px-2 py-1 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-900">
        Your account
      </a>
      <a href="/signout" className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
        Sign out
      </a>
    </div>
  );
}

/** Holds the menu's place while the reader is looked up, so the header does not jump. */
export function UserMenuPlaceholder() {
  return <span aria-hidden="true" className="inline-block h-8 w-20" />;
}
