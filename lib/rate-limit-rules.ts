// How often each kind of write may happen. Accounts younger than a day get tighter limits:
// most abuse comes from fresh accounts, and real readers rarely notice the difference.

export type LimitedAction = "vote" | "comment" | "submit" | "sign-in";

export type Limit = { limit: number; windowSeconds: number };

const NEW_ACCOUNT_MS = 24 * 60 * 60 * 1000;

const PER_USER: Record<Exclude<LimitedAction, "sign-in">, { established: Limit; fresh: Limit }> = {
  vote: { established: { limit: 120, windowSeconds: 60 }, fresh: { limit: 30, windowSeconds: 60 } },
  comment: { established: { limit: 20, windowSeconds: 600 }, fresh: { limit: 5, windowSeconds: 600 } },
  // Submissions of papers not yet in the catalogue each wait for arXiv in one queue per server.
  submit: { established: { limit: 20, windowSeconds: 600 }, fresh: { limit: 10, windowSeconds: 600 } },
};

const PER_IP: Record<LimitedAction, Limit> = {
  vote: { limit: 600, windowSeconds: 60 },
  comment: { limit: 60, windowSeconds: 600 },
  submit: { limit: 60, windowSeconds: 600 },
  "sign-in": { limit: 100, windowSeconds: 900 },
};

/** Per account for sign-in: guessing one account's password from many addresses. */
export const SIGN_IN_PER_ACCOUNT: Limit = { limit: 10, windowSeconds: 900 };

export function userLimit(action: Exclude<LimitedAction, "sign-in">, accountCreatedAt: Date, now: Date): Limit {
  const fresh = now.getTime() - accountCreatedAt.getTime() < NEW_ACCOUNT_MS;
  return fresh ? PER_USER[action].fresh : PER_USER[action].established;
}

export function ipLimit(action: LimitedAction): Limit {
  return PER_IP[action];
}
