"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { registerUser } from "@/lib/auth/register";
import { SignUpInput } from "@/lib/auth/schemas";
import { parseInput } from "@/lib/action-core";
import { friendlyMessage } from "@/lib/errors";
import { safeRedirect } from "@/lib/safe-redirect";
import { keptValues, type AuthFormState } from "../form-state";

export async function signUp(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = keptValues(form, ["username", "name", "email"]);
  const input = parseInput(SignUpInput, form);
  if (!input.ok) return { error: input.error, values };
  const registration = await registerUser(input.data);
  if (!registration.ok) return { error: registration.error.toPayload(), values };
  try {
    // The account exists now; signing in redirects (by throwing) to where the reader was going.
    await signIn("credentials", { email: input.data.email, password: input.data.password, redirectTo: safeRedirect(form.get("callbackUrl")) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { error: { code: "internal", message: `Your account was created, but signing in failed. ${friendlyMessage("internal")}` }, values };
  }
  return null;
}
