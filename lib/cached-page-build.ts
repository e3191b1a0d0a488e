import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { prepareCachedPageRequests } from "./cached-page-requests";
import { databaseBelievedDown } from "./db-outage";
import { sharedDeploymentNonce } from "./deployment-nonce";
import { authSecret, getEnv } from "./env";
import { deploymentNonce } from "./security-headers";

// Installs lib/cached-page-requests.ts for the build this server runs. The cached pages' nonce is
// the deployment's, derived from the build ID so that every server of one deployment agrees on it:
// the ID Next itself reads, from `.next/BUILD_ID` beside the server (proxy.ts gets it from Next,
// and shares the value derived here: lib/deployment-nonce.ts). Without that file the server
// prepares nothing and proxy.ts serves every page.
export async function prepareCachedPagesOfThisBuild(): Promise<boolean> {
  let buildId: string;
  try {
    buildId = (await readFile(join(process.cwd(), ".next", "BUILD_ID"), "utf8")).trim();
  } catch (error) {
    console.warn("cached pages: no build ID to derive their nonce from; proxy.ts serves every page", error);
    return false;
  }
  const env = getEnv();
  const nonce = await sharedDeploymentNonce(() => deploymentNonce({ secret: authSecret(env), buildId }));
  // The embedded database runs inside this process: there is no connection to lose (db/outage-gate.ts).
  const databaseDown = env.DATABASE_URL ? databaseBelievedDown : () => false;
  prepareCachedPageRequests({ nonce, authUrl: env.AUTH_URL, databaseDown });
  return true;
}
