import { parseArgs } from "node:util";
import { z } from "zod";
import { CATEGORY_PATTERN, DEFAULT_CATEGORIES } from "@/lib/arxiv/query";
import { parseArxivId } from "@/lib/arxiv-id";
import { parseDay, type Day } from "@/lib/dates";

// The command line of `npm run ingest`, checked before anything touches arXiv or the database.

export const USAGE = `Usage: npm run ingest -- --date YYYY-MM-DD [--category cs.LG ...] [--ids ID,ID,...] [--list] [--page-size N]

  --date        the day: papers first submitted then (UTC), and the day --list puts them on
  --category    an arXiv category; repeat it or separate with commas (default: ${DEFAULT_CATEGORIES.join(", ")})
  --ids         fetch these papers instead of searching by day and category
  --list        also put the papers on that day's list (as "arXiv ingest")
  --page-size   entries per request, 1 to 2000 (default 100)`;

export type IngestSource = { kind: "search"; categories: string[] } | { kind: "ids"; ids: string[] };

export type IngestOptions = { day: Day; source: IngestSource; list: boolean; pageSize: number };

export type ParsedArgs = { ok: true; help: true } | { ok: true; help: false; options: IngestOptions } | { ok: false; message: string };

/** "a,b" and repeated flags alike become one list; empty pieces are dropped. */
const commaList = (values: string[]) => values.flatMap((value) => value.split(",")).map((v) => v.trim()).filter(Boolean);

const ArgsSchema = z
  .object({
    date: z.string({ error: "--date is required, e.g. --date 2024-01-15" }).transform((value, ctx) => {
      const day = parseDay(value);
      if (!day.ok) ctx.addIssue({ code: "custom", message: day.reason });
      return day.ok ? day.value : z.NEVER;
    }),
    category: z
      .array(z.string())
      .optional()
      .transform((values, ctx) => {
        const categories = commaList(values ?? []);
        for (const category of categories.filter((c) => !CATEGORY_PATTERN.test(c))) {
          ctx.addIssue({ code: "custom", message: `“${category}” is not an arXiv category (e.g. cs.LG, stat.ML, hep-th)` });
        }
        return categories;
      }),
    ids: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return [];
        const ids = commaList([value]).map((id) => {
          const parsed = parseArxivId(id);
          if (!parsed) ctx.addIssue({ code: "custom", message: `“${id}” is not an arXiv identifier (e.g. 2401.12345)` });
          return parsed?.id ?? id;
        });
        if (ids.length === 0) ctx.addIssue({ code: "custom", message: "--ids needs at least one identifier" });
        return [...new Set(ids)];
      }),
    list: z.boolean(),
    "page-size": z
      .string()
      .optional()
      .transform((value, ctx) => {
        const size = Number(value ?? 100);
        if (Number.isInteger(size) && size >= 1 && size <= 2000) return size;
        ctx.addIssue({ code: "custom", message: "--page-size must be a whole number from 1 to 2000 (arXiv's limit)" });
        return z.NEVER;
      }),
  })
  .refine((args) => args.ids.length === 0 || args.category.length === 0, {
    message: "give either --ids or --category, not both",
  });

export function parseIngestArgs(argv: string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        date: { type: "string" },
        category: { type: "string", multiple: true },
        ids: { type: "string" },
        list: { type: "boolean", default: false },
        "page-size": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // parseArgs names the unknown option or stray argument; say how to give several categories.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${reason}\nRepeat --category for each category, or separate them with commas.` };
  }
  if (values.help) return { ok: true, help: true };

  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join("\n") };
  }
  const { date, category, ids, list } = parsed.data;
  const source: IngestSource =
    ids.length > 0 ? { kind: "ids", ids } : { kind: "search", categories: category.length > 0 ? category : [...DEFAULT_CATEGORIES] };
  return { ok: true, help: false, options: { day: date, source, list, pageSize: parsed.data["page-size"] } };
}
