"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import { oauthOptions } from "@/lib/auth/providers";
import { EmailLinkInput, SignInInput } from "@/lib/auth/schemas";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { parseInput } from "@/lib/action-core";
import { getEnv } from "@/lib/env";
import { safeRedirect } from "@/lib/safe-redirect";
import { keptValues, type AuthFormState } from "../form-state";

export async function signInWithPassword(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = keptValues(form, ["email"]);
  const input = parseInput(SignInInput, form);
  if (!input.ok) return { error: input.error, values };
  try {
    // Redirects (by throwing) when the password is right.
    await signIn("credentials", { ...input.data, redirectTo: safeRedirect(form.get("callbackUrl")) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = error instanceof CredentialsSignin ? error.code : null;
    const message = signInErrorMessage(error.type, code) ?? signInErrorMessage("CredentialsSignin")!;
    return { error: { code: code === "suspended" ? "forbidden:banned" : "invalid_credentials", message }, values };
  }
  return null;
}

export async function sendEmailLink(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = keptValues(form, ["email"]);
  const input = parseInput(EmailLinkInput, form);
  if (!input.ok) return { error: input.error, values };
  try {
    // Redirects to /signin/check-email whether or not the address has an account.
    await signIn("nodemailer", { email: input.data.email, redirectTo: safeRedirect(form.get("callbackUrl")) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { error: { code: "internal", message: signInErrorMessage("EmailSignInError")! }, values };
  }
  return null;
}

export async function signInWithProvider(form: FormData): Promise<void> {
  const provider = oauthOptions(getEnv()).find((option) => option.id === form.get("provider"));
  if (!provider) throw new Error("That sign-in provider is not available.");
  await signIn(provider.id, { redirectTo: safeRedirect(form.get("callbackUrl")) });
}
