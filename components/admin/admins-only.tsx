/** What a non-admin sees at an admin address, with its 401 or 403 (app/admin/unauthorized.tsx, forbidden.tsx). */
export function AdminsOnly({ signedIn }: { signedIn: boolean }) {
  return (
    <section aria-labelledby="admins-only-heading" className="flex flex-col gap-3 py-10">
      <h1 id="admins-only-heading" className="text-2xl font-bold">
        Admins only
      </h1>
      {signedIn ? (
        <p>Your account cannot curate the list.</p>
      ) : (
        <p>
          Sign in with an admin account to curate the list.{" "}
          <a className="underline" href="/signin?callbackUrl=/admin">
            Sign in
          </a>
        </p>
      )}
    </section>
  );
}
