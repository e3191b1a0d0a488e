import { z } from "zod";
import { DisplayName, Email } from "./schemas";

// The account settings forms' inputs (app/(auth)/settings).

export const RenameInput = z.object({ name: DisplayName });

/** `current` is required when the account has a password: the action knows, and checks it. */
export const NewPasswordInput = z.object({
  current: z.string().max(1000).optional(),
  password: z.string({ error: "Choose a password." }),
});

/** `confirm` must be the account's username (or address); `current` as for a password change. */
export const DeleteAccountInput = z.object({
  confirm: z.string().max(1000).default(""),
  current: z.string().max(1000).optional(),
});

/** A new address for the account; `current` as for a password change. */
export const EmailChangeInput = z.object({
  email: Email,
  current: z.string().max(1000).optional(),
});
