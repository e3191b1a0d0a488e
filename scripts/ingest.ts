// `npm run ingest -- --date YYYY-MM-DD [...]`: pulls papers from the arXiv export API into the
// catalogue and, with --list, onto that day's list. Run with `tsx --conditions=react-server` (the
// npm script does) so the server-only queries it shares with the app can be imported.
//
// Exit codes: 0 done · 1 failed (arXiv refused or garbled a request, or the database failed)
// · 2 bad arguments · 3 arXiv unavailable, try again later. Pages stored before a failure stay
// stored; running the same command again completes the job.
import { closeDb, configFromEnv, connectDb } from "@/db/client";
import { ArxivApiError, ArxivFeedError, ArxivUnavailableError } from "@/lib/arxiv/errors";
import { getEnv } from "@/lib/env";
import { parseIngestArgs, USAGE, type IngestOptions } from "./ingest/args";
import { runIngest, type PageReport } from "./ingest/run";

const EXIT = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function pageLine({ page, pages, entries, inserted, updated, listed }: PageReport, list: boolean): string {
  const listing = list ? `, ${listed} listed` : "";
  return `page ${page}/${pages}: ${count(entries, "entry", "entries")}, ${inserted} new, ${updated} updated${listing}`;
}

function announce(options: IngestOptions): string {
  const what =
    options.source.kind === "ids"
      ? count(options.source.ids.length, "paper", "papers")
      : `papers submitted on ${options.day} in ${options.source.categories.join(", ")}`;
  return `Ingesting ${what} from ${getEnv().ARXIV_API_URL}${options.list ? `, listing them on ${options.day}` : ""}.`;
}

async function main(): Promise<number> {
  const args = parseIngestArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(`${args.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const { options } = args;
  try {
    console.log(announce(options));
    connectDb(configFromEnv());
    const summary = await runIngest(options, { onPage: (report) => console.log(pageLine(report, options.list)) });
    const unchanged = summary.entries - summary.inserted - summary.updated;
    const listing = options.list ? ` ${summary.listed} newly listed on ${options.day}.` : "";
    const entries = count(summary.entries, "entry", "entries");
    console.log(`Done: ${entries}, ${summary.inserted} new, ${summary.updated} updated, ${unchanged} unchanged.${listing}`);
    if (summary.notFound.length > 0) console.log(`arXiv has nothing for: ${summary.notFound.join(", ")}`);
    return EXIT.ok;
  } catch (error) {
    const resume = "Pages stored before this stay stored; run the same command again to finish.";
    if (error instanceof ArxivUnavailableError) {
      console.error(`${error.message} (${error.detail})\n${resume}`);
      return EXIT.unavailable;
    }
    if (error instanceof ArxivApiError || error instanceof ArxivFeedError) {
      console.error(`${error.detail}\n${resume}`);
      return EXIT.failed;
    }
    console.error("Ingest failed:", error);
    return EXIT.failed;
  } finally {
    await closeDb();
  }
}

process.exitCode = await main();
