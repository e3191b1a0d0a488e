import "server-only";
import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { createAuthAdapter } from "@/db/queries/auth-adapter";
import { endSessions, getSessionUser } from "@/db/queries/users";
import { authSecret, type Env } from "../env";
import { authRedirect } from "../safe-redirect";
import { clientIp } from "../client-ip";
import { checkCredentials } from "./credentials";
import { allowSignInAttempt, forgiveSignInAttempt } from "./sign-in-limits";
import { emailLinkEnabled, emailLinkProvider } from "./email-link";
import { oauthProviders } from "./providers";
import { SignInInput } from "./schemas";

const THIRTY_DAYS = 30 * 24 * 60 * 60;

const ROUTINE_ERRORS = new Set(["Verification", "AccessDenied", "OAuthAccountNotLinked"]);

/** The right password for a suspended account; its code reaches the sign-in form. */
class SuspendedSignIn extends CredentialsSignin {
  code = "suspended";
}

/** Too many attempts from this address or on this account; nothing was checked. */
class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

export function buildAuthConfig(env: Env): NextAuthConfig {
  return {
    adapter: createAuthAdapter(),
    secret: authSecret(env),
    trustHost: env.AUTH_TRUST_HOST,
    // Credentials sign-in only works with JWT sessions. What a JWT cannot do (be revoked, see a
    // ban) lib/auth/current-user.ts does by checking the users row on every request.
    session: { strategy: "jwt", maxAge: THIRTY_DAYS },
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/signin/check-email", signOut: "/signout" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const input = SignInInput.safeParse(raw);
          if (!input.success) return null;
          // Here rather than in the form's action, so posts straight to Auth.js's endpoint count too.
          const attempt = { email: input.data.email, ip: clientIp(request.headers) };
          if (!(await allowSignInAttempt(attempt))) throw new RateLimitedSignIn();
          const check = await checkCredentials(input.data);
          if (check.ok) {
            await forgiveSignInAttempt(attempt);
            return { id: check.userId };
          }
          if (check.error.code === "forbidden:banned") {
            // The password was right: only wrong ones count toward the limits.
            await forgiveSignInAttempt(attempt);
            throw new SuspendedSignIn();
          }
          return null;
        },
      }),
      ...(emailLinkEnabled(env) ? [emailLinkProvider(env)] : []),
      ...oauthProviders(env),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        // Asking for an email link must look the same for every address, banned or unknown.
        if (email?.verificationRequest || account?.type === "credentials" || !user.id) return true;
        const row = await getSessionUser({ id: user.id });
        return !row?.bannedAt;
      },
      async jwt({ token, user }) {
        // `user` is present only at sign-in: stamp the cookie with the row's session version.
        if (user?.id) {
          const row = await getSessionUser({ id: user.id });
          token.sub = user.id;
          token.sv = row?.sessionVersion ?? -1;
        }
        return token;
      },
      session({ session, token }) {
        // Only the claims lib/auth/current-user.ts checks; the profile is read from the database.
        const claims = { expires: session.expires, user: { id: token.sub ?? "" }, sessionVersion: token.sv };
        return claims as unknown as typeof session;
      },
      redirect: authRedirect,
    },
    events: {
      async signOut(message) {
        // Covers Auth.js's own sign-out endpoint too; the guard makes a second call a no-op.
        const token = "token" in message ? message.token : null;
        if (token?.sub && typeof token.sv === "number") await endSessions({ userId: token.sub, fromVersion: token.sv });
      },
    },
    logger: {
      error(error) {
        // Wrong passwords, reused links and refused accounts are routine, not server faults
        // worth a stack trace; a password failure is not even worth a line.
        const type = (error as { type?: string }).type ?? "";
        if (error instanceof CredentialsSignin || type === "CredentialsSignin") return;
        if (ROUTINE_ERRORS.has(type)) console.warn(`[auth] ${type}`);
        else console.error("[auth]", error);
      },
    },
  };
}
