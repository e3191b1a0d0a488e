import { z } from "zod";
import { arxivIdSchema } from "@/lib/arxiv-id-schema";

/** `a,b,c`: the papers a page shows, as the browser asks about them (at most 200, a week's list). */
export const paperIdListSchema = z
  .string()
  .max(8_000)
  .transform((s) => s.split(",").filter(Boolean))
  .pipe(z.array(arxivIdSchema).max(200));
