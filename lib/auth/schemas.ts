import { z } from "zod";
import { PASSWORD_MAX_LENGTH, passwordProblems } from "./password-rules";
import { Username } from "./username";
import { hasNoNul, NUL_MESSAGE } from "../text-rules";

// The forms' inputs. Emails are normalised the way Auth.js normalises them for email-link
// sign-in (NFKC, lowercase, trimmed), so one address always finds one account.

export const Email = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .transform((value) => value.normalize("NFKC").toLowerCase())
  .pipe(z.email("Enter a valid email address.").max(254, "That email address is too long."));

// Characters that change how the text around them is ordered (bidirectional overrides, embeddings,
// isolates and the invisible direction marks): "\u202Eecila\u202C admin" displays as "alice admin". Right-to-left names need none
// of them: the Unicode bidi algorithm orders Arabic or Hebrew letters by itself.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// A name must show something: format characters (zero-width spaces, joiners, …), marks,
// whitespace, and the letters that are drawn blank (Hangul fillers, the blank braille pattern)
// render as nothing.
const VISIBLE = /[^\p{Cf}\p{Z}\p{M}\p{Cc}\u115F\u1160\u2800\u3164\uFFA0]/u;

export const DisplayName = z
  .string({ error: "Enter a display name." })
  .refine(hasNoNul, NUL_MESSAGE)
  .trim()
  .min(1, "Enter a display name.")
  .max(50, "Use at most 50 characters.")
  .refine((name) => !BIDI_CONTROLS.test(name), "Remove the text-direction control characters: names cannot reorder the text around them.")
  .refine((name) => VISIBLE.test(name), "Use at least one visible character.");

export const SignUpInput = z
  .object({
    username: z.string({ error: "Choose a username." }).pipe(Username),
    name: DisplayName,
    email: Email,
    password: z.string({ error: "Choose a password." }),
  })
  .superRefine(
    (input, ctx) => {
      // Runs even when other fields failed (see `when`), so they may still hold raw input.
      const text = (value: unknown) => (typeof value === "string" ? value : null);
      const problems = passwordProblems(input.password, { email: text(input.email), username: text(input.username) });
      for (const message of problems) ctx.addIssue({ code: "custom", path: ["password"], message });
    },
    // Report password problems together with every other field's, not only once those are fixed.
    { when: (payload) => typeof (payload.value as { password?: unknown } | undefined)?.password === "string" },
  );

export type SignUpInput = z.output<typeof SignUpInput>;

// No strength rules here: they apply when a password is chosen, not to existing ones.
export const SignInInput = z.object({
  email: Email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
});

export type SignInInput = z.output<typeof SignInInput>;

export const EmailLinkInput = z.object({ email: Email });
