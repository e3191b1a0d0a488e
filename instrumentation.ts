import { noteDatabaseError } from "@/lib/db-outage";

// Next calls this for every error a render, route handler or Server Action throws. A connection
// error opens the outage circuit, so the next requests get proxy.ts's 503 instead of a failing render.
export function onRequestError(error: unknown): void {
  noteDatabaseError(error);
}
