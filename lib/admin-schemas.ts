import { z } from "zod";
import { arxivIdSchema } from "./arxiv-id-schema";
import { addDays, formatDay, parseDay, todayUtc } from "./dates";
import { pgText } from "./text-rules";

// Input shapes of the admin forms, shared by the actions and their tests.

export const daySchema = z.string().transform((value, ctx) => {
  const parsed = parseDay(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.reason });
    return z.NEVER;
  }
  return parsed.value;
});

/** How far ahead a paper can be listed: tomorrow (UTC), for a list prepared the evening before. */
export const MAX_DAYS_AHEAD = 1;

/**
 * A day a paper can be put on: not years ahead by a slip of the keyboard (2099 for 2026), which
 * would list it on a page nobody reaches and point today's "Next" link there.
 */
export const listingDaySchema = daySchema.superRefine((day, ctx) => {
  const latest = addDays(todayUtc(), MAX_DAYS_AHEAD);
  if (day > latest) ctx.addIssue({ code: "custom", message: `Papers can be listed up to ${formatDay(latest)} (UTC); ${formatDay(day)} is further ahead.` });
});

export const reasonSchema = pgText().trim().min(3, "Give a reason (at least 3 characters); it is shown in the public log.").max(500);
const optionalReason = pgText().trim().max(500).optional().transform((r) => r || undefined);

/** An http(s) link, or empty to remove it. Anything else (javascript:, data:) is refused. */
const linkSchema = z
  .string()
  .trim()
  .max(500)
  .transform((value, ctx) => {
    if (value === "") return null;
    try {
      const url = new URL(value);
      if (url.protocol === "https:" || url.protocol === "http:") return url.toString();
    } catch {
      // fall through to the message below
    }
    ctx.addIssue({ code: "custom", message: "Use a full http:// or https:// address, or leave it empty." });
    return z.NEVER;
  });

const entryId = z.coerce.number().int().positive();

export const AddToDayInput = z.object({ paperId: arxivIdSchema, day: listingDaySchema });
export const EntryInput = z.object({ entryId });
export const HideEntryInput = z.object({ entryId, reason: reasonSchema });
export const UnhideEntryInput = z.object({ entryId, reason: optionalReason });
export const MovePinInput = z.object({ entryId, direction: z.enum(["up", "down"]) });
export const MoveEntryInput = z.object({ entryId, toDay: listingDaySchema, reason: optionalReason });
export const EditPaperInput = z.object({
  paperId: arxivIdSchema,
  title: pgText().trim().min(1, "A paper needs a title.").max(1_000),
  abstract: pgText().trim().min(1, "A paper needs an abstract.").max(10_000),
  githubRepo: linkSchema,
  projectPage: linkSchema,
  reason: optionalReason,
});
export const CommentModerationInput = z.object({ commentId: z.coerce.number().int().positive(), reason: reasonSchema });
export const CommentUnhideInput = z.object({ commentId: z.coerce.number().int().positive(), reason: optionalReason });
/** A form checkbox: "on" when ticked, absent when not ("true"/"false" for API-style callers). */
const checkbox = z
  .enum(["on", "true", "false"])
  .optional()
  .transform((v) => v === "on" || v === "true");

export const BanInput = z.object({
  userId: pgText().min(1).max(100),
  reason: reasonSchema,
  hideContent: checkbox,
});
export const UnbanInput = z.object({
  userId: pgText().min(1).max(100),
  reason: optionalReason,
  restoreContent: checkbox,
});
export const RoleInput = z.object({ userId: pgText().min(1).max(100), role: z.enum(["user", "admin"]), reason: optionalReason });
