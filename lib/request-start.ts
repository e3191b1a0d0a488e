import diagnostics from "node:diagnostics_channel";
import type http from "node:http";

// Node publishes each request of this process's HTTP servers on this channel just before the
// server's 'request' event, so a subscriber sees it before Next's handler does: the only hook into
// `next start`'s server, whose object the app never gets. Subscribers run in the order they
// subscribed (instrumentation.ts decides it).
const REQUEST_START = "http.server.request.start";

export type RequestStart = { request: http.IncomingMessage; response: http.ServerResponse };

/** Calls `handle` with every request this process's HTTP servers receive from now on; returns what stops it. */
export function onRequestStart(handle: (start: RequestStart) => void): () => void {
  const listener = (message: unknown) => handle(message as RequestStart);
  diagnostics.subscribe(REQUEST_START, listener);
  return () => diagnostics.unsubscribe(REQUEST_START, listener);
}
