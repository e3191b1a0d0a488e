import { AppError } from "./errors";
import type { Actor } from "./permissions";

/**
 * Every curation and moderation function in db/queries calls this first, so the data layer
 * refuses a non-admin even if a page or action forgot to check.
 */
export function assertAdmin(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError("unauthorized");
  if (actor.bannedAt) throw new AppError("forbidden:banned");
  if (actor.role !== "admin") throw new AppError("forbidden:role");
}
