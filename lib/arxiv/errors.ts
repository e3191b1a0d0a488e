import { AppError } from "@/lib/errors";

// arXiv's failures as AppErrors, so a server action or route handler that calls the client shows a
// person the friendly message and the right status without translating anything itself.

export type UnavailableReason = "timeout" | "network" | "http";

/** arXiv did not answer in time, could not be reached, or answered 429/5xx: worth retrying later. */
export class ArxivUnavailableError extends AppError {
  readonly reason: UnavailableReason;
  /** The HTTP status arXiv answered with, when it answered at all. */
  readonly upstreamStatus: number | null;

  constructor(reason: UnavailableReason, options: { upstreamStatus?: number; cause?: unknown } = {}) {
    super("unavailable:arxiv", { cause: options.cause });
    this.name = "ArxivUnavailableError";
    this.reason = reason;
    this.upstreamStatus = options.upstreamStatus ?? null;
  }

  /** For logs and the ingest command: what exactly went wrong. */
  get detail(): string {
    if (this.reason === "timeout") return "the request timed out";
    if (this.reason === "http") return `arXiv answered HTTP ${this.upstreamStatus}`;
    return `the request failed: ${innermostMessage(this.cause)}`;
  }
}

/** fetch reports "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND, …) in its cause. */
function innermostMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** arXiv answered with its error feed: a single entry whose id is http://arxiv.org/api/errors#…. */
export class ArxivApiError extends AppError {
  /** The error entry's summary, e.g. "incorrect id format for 1234.12345". */
  readonly arxivMessage: string;
  /** The error entry's id, e.g. "http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345". */
  readonly errorId: string;

  constructor({ arxivMessage, errorId }: { arxivMessage: string; errorId: string }) {
    super("bad_gateway:arxiv");
    this.name = "ArxivApiError";
    this.arxivMessage = arxivMessage;
    this.errorId = errorId;
  }

  get detail(): string {
    return `arXiv refused the request: ${this.arxivMessage}`;
  }
}

/** arXiv answered, but not with a feed we can read (not XML, or missing what every entry has). */
export class ArxivFeedError extends AppError {
  readonly problem: string;

  constructor(problem: string, options: { cause?: unknown } = {}) {
    super("bad_gateway:arxiv", { cause: options.cause });
    this.name = "ArxivFeedError";
    this.problem = problem;
  }

  get detail(): string {
    return `arXiv's answer could not be read: ${this.problem}`;
  }
}
