import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { prepareRequests } from "./cached-page-requests";
import { databaseBelievedDown } from "./db-outage";
import { sharedDeploymentNonce } from "./deployment-nonce";
import { authSecret, getEnv } from "./env";
import { deploymentNonce } from "./security-headers";

// Installs lib/cached-page-requests.ts in this server process. In development it only deletes
// clients' marks: every request goes through proxy.ts, whose policy lets React's dev build run.
//
// In production it also derives the cached pages' nonce, the deployment's: an HMAC of the build ID
// under AUTH_SECRET, so every server of one deployment agrees on it and each build changes it. The
// build ID is the one Next reads, `.next/BUILD_ID`, from the working directory: servers start in
// the project's directory (`npm start`, as the README's deployments do). proxy.ts shares the value
// (lib/deployment-nonce.ts).
export async function installRequestPreparation(): Promise<void> {
  if (process.env.NODE_ENV !== "production") {
    prepareRequests({ cachedPages: null });
    return;
  }
  const env = getEnv();
  const nonce = await sharedDeploymentNonce(async () => deploymentNonce({ secret: authSecret(env), buildId: await readBuildId() }));
  // The embedded database runs inside this process: there is no connection to lose (db/outage-gate.ts).
  const databaseDown = env.DATABASE_URL ? databaseBelievedDown : () => false;
  prepareRequests({ cachedPages: { nonce, authUrl: env.AUTH_URL, databaseDown } });
}

// Without the file the nonce would not change with the next build, so the scripts of pages cached
// under the old one would be refused until re-rendered (5 s): worth a warning, not a refusal to start.
const UNKNOWN_BUILD = "unknown-build";

async function readBuildId(): Promise<string> {
  try {
    return (await readFile(join(process.cwd(), ".next", "BUILD_ID"), "utf8")).trim();
  } catch (error) {
    console.warn(`cached pages: no .next/BUILD_ID in ${process.cwd()}; start the server in the project's directory`, error);
    return UNKNOWN_BUILD;
  }
}
