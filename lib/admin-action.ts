import "server-only";
import type { z } from "zod";
import { action } from "./action";
import type { SessionUser } from "./auth/session-user";

/**
 * Every admin write goes through here: the role check cannot be forgotten on one action, and a
 * page-level check is never what protects an action. The data layer checks the role again.
 */
export function adminAction<S extends z.ZodType, T>(schema: S, fn: (input: z.output<S>, admin: SessionUser) => Promise<T>) {
  return action(schema, fn, { role: "admin" });
}
