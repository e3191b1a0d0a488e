// The cached pages' nonce (lib/security-headers.ts deploymentNonce), derived once per process and
// shared by its two users: the server's own preparation of cached-page requests
// (lib/request-preparation.ts), which derives it at startup from the build ID, and proxy.ts, which
// serves the cached pages' other requests. One value means they cannot disagree, which would
// break the scripts of any page one of them re-rendered. It lives on globalThis because proxy.ts
// is bundled apart from the rest but runs in the same process (as lib/db-outage.ts's state does).

const holder = globalThis as unknown as { paperboardDeploymentNonce?: Promise<string> };

/** This process's deployment nonce: derived by the first caller, the same for every later one. */
export function sharedDeploymentNonce(derive: () => Promise<string>): Promise<string> {
  // A derivation that failed is not kept: the next caller tries again.
  return (holder.paperboardDeploymentNonce ??= derive().catch((error: unknown) => {
    holder.paperboardDeploymentNonce = undefined;
    throw error;
  }));
}
