import { z } from "zod";
import { parseArxivId } from "./arxiv-id";

/** An arXiv identifier in any accepted form, normalised to its canonical, version-less ID. */
export const arxivIdSchema = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const parsed = parseArxivId(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: "That is not an arXiv identifier (e.g. 2401.12345)." });
      return z.NEVER;
    }
    return parsed.id;
  });
