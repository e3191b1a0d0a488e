// Every failure a user can see has a code here. The code picks the HTTP status and the message a
// person reads; the original error, if there was one, is logged on the server and never shown.

const CATALOG = {
  unauthorized: { status: 401, message: "Please sign in to do that." },
  invalid_credentials: { status: 401, message: "That email and password do not match an account." },
  forbidden: { status: 403, message: "You are not allowed to do that." },
  "forbidden:banned": { status: 403, message: "Your account is suspended, so you cannot do that." },
  "forbidden:role": { status: 403, message: "Only moderators can do that." },
  invalid_input: { status: 400, message: "Some of the fields need another look." },
  not_found: { status: 404, message: "We could not find that." },
  conflict: { status: 409, message: "That clashes with something that already exists." },
  rate_limited: { status: 429, message: "You are doing that too often. Please wait a moment and try again." },
  internal: { status: 500, message: "Something went wrong on our side. Please try again." },
  "bad_gateway:arxiv": { status: 502, message: "arXiv gave an answer we could not use. Please try again later." },
  unavailable: { status: 503, message: "Paperboard cannot reach its database right now. Nothing was saved; please try again in a minute." },
  "unavailable:arxiv": { status: 503, message: "arXiv is not answering right now; try again in a few minutes." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof CATALOG;

/** Messages for single form fields, keyed by field name (zod's flattened shape). */
export type FieldErrors = Record<string, string[]>;

export type ErrorPayload = { code: ErrorCode; message: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** With rate_limited: when the caller may try again (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    options: { message?: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(options.message ?? CATALOG[code].message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return httpStatus(this.code);
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      ...(this.retryAfterSeconds ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

export function httpStatus(code: ErrorCode): number {
  return CATALOG[code].status;
}

export function friendlyMessage(code: ErrorCode): string {
  return CATALOG[code].message;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(CATALOG, value);
}
