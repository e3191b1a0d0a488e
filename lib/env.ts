import { z } from "zod";

// Used only outside production when AUTH_SECRET is unset, so `npm run dev` and the tests work
// without setup. It is public (it is in this file): never let it sign a production session.
export const DEV_AUTH_SECRET = "paperboard-dev-only-secret-do-not-use-in-production";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Set: a PostgreSQL server through postgres.js. Unset: embedded PGlite under PGLITE_DIR.
    DATABASE_URL: z.url().optional(),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    // Read replicas of DATABASE_URL (streaming standbys), comma separated: public pages, feeds and
    // the read API may read from them (db/client.ts getReadDb). Ignored without DATABASE_URL.
    DATABASE_REPLICA_URLS: z
      .string()
      .default("")
      .transform((s) => s.split(",").map((u) => u.trim()).filter(Boolean))
      .pipe(z.array(z.url())),

    // Signs and encrypts session cookies. `npx auth secret` or `openssl rand -base64 33` makes one.
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    // The public origin. When set, sign-in links and redirects use it instead of the request's
    // Host header, which a client controls; set it in production.
    AUTH_URL: z.url().optional(),
    // The public origin for absolute links in feeds, the API and <link rel="alternate">. Falls
    // back to AUTH_URL, then to the request's own origin.
    SITE_URL: z.url().optional(),
    // Auth.js refuses requests whose host it was not told to trust, except on Vercel. We always
    // run behind our own `next start`, so trust is on unless switched off.
    AUTH_TRUST_HOST: flag.default(true),
    AUTH_GITHUB_ID: z.string().min(1).optional(),
    AUTH_GITHUB_SECRET: z.string().min(1).optional(),
    AUTH_HUGGINGFACE_ID: z.string().min(1).optional(),
    AUTH_HUGGINGFACE_SECRET: z.string().min(1).optional(),
    // Hugging Face's OpenID Connect issuer; browser tests point it at a local OIDC provider.
    AUTH_HUGGINGFACE_ISSUER: z.url().default("https://huggingface.co"),

    // Email sign-in links: smtp://user:pass@host:587 or smtps://…. Unset outside production, the
    // link is printed to the server log instead; unset in production, email sign-in is hidden.
    SMTP_URL: z.url().optional(),
    // The request header that carries the client's address, set by a reverse proxy you run
    // (nginx: proxy_set_header X-Real-IP $remote_addr). Unset, the last X-Forwarded-For hop is
    // used, which a client talking to `next start` directly can forge: fine for a demo only.
    // Verified emails that are admins without `npm run user:promote` (comma separated).
    ADMIN_EMAILS: z
      .string()
      .default("")
      .transform((s) => s.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean)),
    // Submissions: papers published longer ago than this are refused; readers may submit this
    // many a day (admins are exempt).
    SUBMISSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
    SUBMISSIONS_PER_DAY: z.coerce.number().int().min(0).max(1000).default(3),
    TRUSTED_IP_HEADER: z.string().toLowerCase().min(1).optional(),
    EMAIL_FROM: z.string().min(3).default("Paperboard <no-reply@paperboard.local>"),

    // The arXiv export API. Tests point it at a local stand-in.
    ARXIV_API_URL: z.url().default("https://export.arxiv.org/api/query"),
    ARXIV_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    // arXiv's terms of use ask for no more than one request every three seconds; tests shorten it.
    ARXIV_MIN_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(3_000),
    // A mailbox that unsubscribes whoever writes to it (you process it), offered in digests'
    // List-Unsubscribe header beside the one-click link. Unset: the link alone.
    DIGEST_UNSUBSCRIBE_MAILTO: z.email().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production" });
    }
    if (env.NODE_ENV === "production" && env.ARXIV_MIN_INTERVAL_MS < 3_000) {
      ctx.addIssue({ code: "custom", path: ["ARXIV_MIN_INTERVAL_MS"], message: "must be at least 3000 in production (arXiv's terms)" });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in .env files mean "unset", not "an invalid URL".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment, parsed on first use (so scripts and tests can set it first). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The secret for session cookies: AUTH_SECRET, or the public development secret outside production. */
export function authSecret(env: Env): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET is required in production");
  return DEV_AUTH_SECRET;
}

/** An OAuth provider's credentials, only when both halves are set. */
export function oauthCredentials(id: string | undefined, secret: string | undefined) {
  return id && secret ? { clientId: id, clientSecret: secret } : null;
}
