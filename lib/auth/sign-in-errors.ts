import { friendlyMessage } from "../errors";

// Auth.js reports failures as an error type (and, for passwords, a code), either thrown at our
// server actions or as ?error=…&code=… on the sign-in page. This turns both into one sentence.
// None of them says whether an account exists.

const MESSAGES: Record<string, string> = {
  CredentialsSignin: friendlyMessage("invalid_credentials"),
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "That account cannot sign in here.",
  OAuthAccountNotLinked:
    "That email address already belongs to a Paperboard account. Sign in with your password or an email link instead.",
  OAuthCallbackError: "The sign-in provider did not complete the sign-in. Please try again.",
  OAuthSignInError: "We could not reach the sign-in provider. Please try again.",
  EmailSignInError: "We could not send the sign-in email. Please try again in a moment.",
};

const FALLBACK = "Sign-in did not work. Please try again.";

export function signInErrorMessage(type: string | null | undefined, code?: string | null): string | null {
  if (!type) return null;
  if (type === "CredentialsSignin" && code === "suspended") return "This account is suspended.";
  if (type === "CredentialsSignin" && code === "rate_limited") {
    return "Too many sign-in attempts. Please wait a few minutes and try again, or ask for a sign-in link by email.";
  }
  return MESSAGES[type] ?? FALLBACK;
}
