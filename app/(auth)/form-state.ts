import type { ErrorPayload } from "@/lib/errors";

/** What the sign-in and sign-up actions hand back to their forms: null until something fails. */
export type AuthFormState = { error: ErrorPayload; values: Record<string, string> } | null;

/** The submitted text fields to put back in the form, never the password. */
export function keptValues(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")]));
}
