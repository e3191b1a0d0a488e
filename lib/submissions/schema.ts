import { z } from "zod";
import { parseArxivId } from "../arxiv-id";

/** What the submit form accepts: any form a reader might paste, normalised to ID and version. */
export const SubmitInput = z.object({
  arxiv: z
    .string()
    .trim()
    .min(1, "Paste an arXiv ID or link.")
    .max(300, "That is too long to be an arXiv ID or link.")
    .transform((value, ctx) => {
      const parsed = parseArxivId(value);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "That is not an arXiv ID or link. Try 2401.12345 or https://arxiv.org/abs/2401.12345." });
        return z.NEVER;
      }
      return parsed;
    }),
});
