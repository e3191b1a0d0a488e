import "server-only";
import { createPasswordUser } from "@/db/queries/users";
import { AppError, friendlyMessage, type FieldErrors } from "../errors";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";
import type { SessionUser } from "./session-user";

export type Registration = { ok: true; user: SessionUser } | { ok: false; error: AppError };

/** Creates a password account from validated sign-up input. */
export async function registerUser({ username, name, email, password }: SignUpInput): Promise<Registration> {
  const result = await createPasswordUser({ username, name, email, passwordHash: await hashPassword(password) });
  if (result.ok) return result;
  // Sign-up has to say an email is taken (the address is unique); sign-in never does.
  const fieldErrors: FieldErrors =
    result.taken === "username"
      ? { username: ["That username is taken."] }
      : { email: ["An account with this email already exists. Sign in instead."] };
  return { ok: false, error: new AppError("conflict", { message: friendlyMessage("invalid_input"), fieldErrors }) };
}
