/**
 * Where "Sign in" goes from the page at `pathname` + `search`: the sign-in page, returning to
 * that page (its query too: a search, a page number) afterwards. From the home page and from the
 * account pages themselves there is nothing to return to.
 */
export function signInAddress(pathname: string, search = ""): string {
  const stay = pathname !== "/" && !pathname.startsWith("/signin") && !pathname.startsWith("/signup") && !pathname.startsWith("/signout");
  return stay ? `/signin?${new URLSearchParams({ callbackUrl: `${pathname}${search}` })}` : "/signin";
}
