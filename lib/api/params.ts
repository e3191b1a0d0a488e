import { z } from "zod";
import { parseDay, parseIsoWeek, parseMonth, type DayRange, type Parsed } from "../dates";
import { hasNoNul } from "../text-rules";

// Query parameters of the public API. Each field schema carries the message a caller reads, and
// every refusal names its parameter, so a client can tell which one to fix. The same field schemas
// describe the parameters in the OpenAPI document.

export const DAILY_LIMIT = { min: 1, max: 100, default: 50 } as const;
export const SEARCH_LIMIT = { min: 1, max: 120, default: 20 } as const;
export const SEARCH_QUERY_MAX = 250;
const MAX_PAGE = 10_000;

export type ParamResult<T> = { ok: true; value: T } | { ok: false; parameter: string; message: string };

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be between ${min} and ${max}`).max(max, `${name} must be between ${min} and ${max}`));

const period = (parse: (input: string) => Parsed<unknown>) =>
  z.string().superRefine((value, ctx) => {
    const parsed = parse(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.reason });
  });

export const dailyPaperParams = {
  p: wholeNumber("p", 0, MAX_PAGE).optional().describe("Page number, from 0."),
  limit: wholeNumber("limit", DAILY_LIMIT.min, DAILY_LIMIT.max).optional().describe(`Papers per page (default ${DAILY_LIMIT.default}).`),
  date: period(parseDay).optional().meta({ format: "date", description: "A UTC day, YYYY-MM-DD.", examples: ["2025-02-14"] }),
  week: period(parseIsoWeek).optional().meta({ pattern: "^\\d{4}-W\\d{2}$", description: "An ISO week, YYYY-Www.", examples: ["2025-W07"] }),
  month: period(parseMonth).optional().meta({ pattern: "^\\d{4}-\\d{2}$", description: "A month, YYYY-MM.", examples: ["2025-02"] }),
  submitter: z
    .string()
    .min(1, "submitter must be a username")
    .max(64, "submitter must be a username")
    .refine(hasNoNul, "submitter must be a username")
    .optional()
    .describe("Only papers this reader put on the list (their username)."),
  sort: z
    .enum(["publishedAt", "trending"], { error: "sort must be publishedAt or trending" })
    .optional()
    .describe("publishedAt (default): newest on the list first. trending: the list's own ranking."),
};

export const searchParams = {
  q: z
    .string()
    .trim()
    .min(1, "q must not be empty")
    .max(SEARCH_QUERY_MAX, `q must be at most ${SEARCH_QUERY_MAX} characters`)
    .refine(hasNoNul, "q must not contain a NUL character")
    .describe("Words to find in titles, abstracts and author names."),
  limit: wholeNumber("limit", SEARCH_LIMIT.min, SEARCH_LIMIT.max).optional().describe(`Results to return (default ${SEARCH_LIMIT.default}).`),
};

// Built once: a zod object schema compiles its parser on first use, which cost more than the rest
// of a search request's own work when it was built per request (~110 µs a call, measured with a
// loop of parseSearchQuery; the API answers ~800 searches a second).
const dailyPaperSchema = z.object(dailyPaperParams);
const searchSchema = z.object(searchParams);

export type DailyPapersQuery = {
  page: number;
  limit: number;
  /** The day, week or month asked for; null means the latest day with papers. */
  window: DayRange | null;
  submitter: string | null;
  sort: "publishedAt" | "trending";
};

export type SearchQuery = { q: string; limit: number };

export function parseDailyPapersQuery(query: URLSearchParams): ParamResult<DailyPapersQuery> {
  const parsed = parseFields(dailyPaperSchema, query);
  if (!parsed.ok) return parsed;
  const { p, limit, date, week, month, submitter, sort } = parsed.value;
  const periods = (["date", "week", "month"] as const).filter((name) => parsed.value[name] !== undefined);
  if (periods.length > 1) {
    return { ok: false, parameter: periods[1], message: `use only one of date, week and month (got ${periods.join(" and ")})` };
  }
  return {
    ok: true,
    value: {
      page: p ?? 0,
      limit: limit ?? DAILY_LIMIT.default,
      window: date ? { start: date, end: date } : week ? rangeOf(parseIsoWeek(week)) : month ? rangeOf(parseMonth(month)) : null,
      submitter: submitter ?? null,
      sort: sort ?? "publishedAt",
    },
  };
}

export function parseSearchQuery(query: URLSearchParams): ParamResult<SearchQuery> {
  if (!query.has("q")) return { ok: false, parameter: "q", message: "q is required" };
  const parsed = parseFields(searchSchema, query);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { q: parsed.value.q, limit: parsed.value.limit ?? SEARCH_LIMIT.default } };
}

/** Parses the named parameters (first value of each; others are ignored, as on Hugging Face). */
function parseFields<S extends z.ZodObject>(schema: S, query: URLSearchParams): ParamResult<z.output<S>> {
  const input = Object.fromEntries(Object.keys(schema.shape).flatMap((name) => (query.has(name) ? [[name, query.get(name)]] : [])));
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const parameter = String(issue.path[0]);
  return { ok: false, parameter, message: issue.code === "custom" && !issue.message.startsWith(parameter) ? `${parameter}: ${issue.message}` : issue.message };
}

function rangeOf(parsed: Parsed<DayRange>): DayRange {
  if (!parsed.ok) throw new Error(parsed.reason); // already checked by the field schema
  return { start: parsed.value.start, end: parsed.value.end };
}
