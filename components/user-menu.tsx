"use client";

import { lazy, Suspense } from "react";
import { SignInLink } from "./sign-in-link";
import { useMe, useRefreshMeOnNavigation } from "./use-me";

// Most readers are signed out, and the header is on every page: the signed-in menu (avatar,
// sign-out, forgetting drafts) is fetched only once /api/me has said someone is signed in, not
// downloaded by every visit (~2 kB gzip of first-load JavaScript).
const SignedInMenu = lazy(() => import("./signed-in-menu").then((module) => ({ default: module.SignedInMenu })));

/**
 * The header's account corner: the signed-in menu, or a "Sign in" link. Drawn in the browser from
 * /api/me, so the page around it can be cached for everyone.
 */
export function UserMenu() {
  const { data, isError } = useMe();
  useRefreshMeOnNavigation();
  if (isError) return <SignInLink />;
  if (!data) return <UserMenuPlaceholder />;
  if (!data.user) return <SignInLink />;
  return (
    <Suspense fallback={<UserMenuPlaceholder />}>
      <SignedInMenu user={data.user} />
    </Suspense>
  );
}

/** Holds the menu's place while the reader is looked up, so the header does not jump. */
export function UserMenuPlaceholder() {
  return <span aria-hidden="true" className="inline-block h-8 w-20" />;
}
