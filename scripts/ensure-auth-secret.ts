import crypto from "node:crypto";
import fs from "node:fs";

// `npm run demo` serves a production build, and production refuses to run without AUTH_SECRET
// (lib/env.ts). So that the demo works on a fresh checkout, this gives the machine its own
// random secret in .env.local (git-ignored, read by `next start`), once. A secret already set
// in the environment or in .env.local is left alone.
const FILE = ".env.local";

const existing = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : "";
if (process.env.AUTH_SECRET || /^AUTH_SECRET=\S/m.test(existing)) {
  console.log("AUTH_SECRET is already set.");
} else {
  const separator = existing && !existing.endsWith("\n") ? "\n" : "";
  const secret = crypto.randomBytes(33).toString("base64");
  fs.appendFileSync(FILE, `${separator}# Signs session cookies on this machine; made by scripts/ensure-auth-secret.ts.\nAUTH_SECRET=${secret}\n`);
  console.log(`Wrote a new AUTH_SECRET to ${FILE}.`);
}
