import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser } from "./auth/current-user";
import { failure, runAction, unavailableOr, type ActionOptions, type ActionResult } from "./action-core";
import type { SessionUser } from "./auth/session-user";

export type { ActionResult } from "./action-core";

/**
 * The one guarded path for writes. The user is re-read from the database on every call, so a
 * banned user, a demoted admin or a signed-out session is refused at once.
 *
 *   export const upvotePaper = action(z.object({ paperId: arxivId }), async ({ paperId }, user) => …);
 *
 * The returned function takes a plain object or the FormData of a form post.
 */
export function action<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, user: SessionUser) => Promise<T>,
  options: ActionOptions = {},
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (input) => {
    let user: SessionUser | null;
    try {
      user = await getCurrentUser(); // reads the database: the first thing to fail in an outage
    } catch (error) {
      console.error("action: reading the session failed", error);
      return failure(unavailableOr("internal", error));
    }
    return runAction({ user, schema, input, fn, options, rethrow: unstable_rethrow });
  };
}
