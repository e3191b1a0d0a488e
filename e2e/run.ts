import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { waitOutMidnightUtc } from "../tests/support/midnight";
import { prepareDatabase } from "./support/prepare-database";

// `npm run test:e2e`: makes a fresh database, runs Playwright against `next build && next start`
// on it, and removes the database afterwards. Arguments pass through to `playwright test`.
const E2E_MIDNIGHT_MARGIN_MS = 15 * 60_000;
// The demo seed lists papers "today" and the specs read "today" again later: a run that crossed
// midnight UTC would look for the seeded list on the next day. The build and suite take minutes.
await waitOutMidnightUtc(E2E_MIDNIGHT_MARGIN_MS, (message) => console.log(`e2e: ${message}`));
const database = await prepareDatabase();
// The stand-ins' ports follow the app's, so two runs on one machine (E2E_PORT=3100 and 3200, say)
// never collide.
const appPort = Number(process.env.E2E_PORT ?? 3100);
const standIn = (port: number) => port + appPort - 3100;
console.log(`e2e: ${database.kind} database ready at ${database.url.replace(/\/\/[^@]*@/, "//")}`);

const exitCode = await new Promise<number>((resolve) => {
  const child = spawn("npx", ["playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      E2E_DATABASE_URL: database.url,
      // Production mode wants a real secret; each run makes its own.
      AUTH_SECRET: randomBytes(33).toString("base64"),
      AUTH_URL: `http://localhost:${appPort}`,
      // Local stand-ins the browser tests start themselves: an SMTP server for sign-in links and
      // an OpenID Connect provider playing Hugging Face.
      SMTP_URL: `smtp://127.0.0.1:${standIn(2526)}`,
      AUTH_HUGGINGFACE_ID: "paperboard-e2e",
      AUTH_HUGGINGFACE_SECRET: "paperboard-e2e-secret",
      AUTH_HUGGINGFACE_ISSUER: `http://127.0.0.1:${standIn(2527)}`,
      // A fake arXiv export API the submission tests start; its fixtures are real papers from
      // years ago, so the age window is opened wide (its refusal is tested in integration tests).
      ARXIV_API_URL: `http://127.0.0.1:${standIn(2528)}/api/query`,
      SUBMISSION_MAX_AGE_DAYS: "3650",
      // PGlite's socket server mixes up replies across concurrent connections: one connection only.
      ...(database.kind === "embedded" ? { DATABASE_POOL_MAX: "1" } : {}),
      // Specs that need what only a PostgreSQL server gives (several app servers at once) ask this.
      E2E_DATABASE_KIND: database.kind,
    },
  });
  child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

await database.teardown();
process.exit(exitCode);
