import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

// A stand-in for the arXiv export API: a real HTTP server on 127.0.0.1 that replays saved Atom
// answers from tests/fixtures/arxiv/, chosen by the request's query parameters. It records every
// request with the time it arrived, and can be told to fail the ways arXiv does.

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/arxiv");

export type RecordedRequest = {
  /** performance.now() when the request arrived: comparable with the test process's clock. */
  at: number;
  params: Record<string, string>;
};

/** replay: saved answers; status-500: arXiv down; error-feed: HTTP 400 with the error feed; hang: never answers. */
export type FakeArxivMode = "replay" | "status-500" | "status-429" | "error-feed" | "hang";

export type FakeArxiv = {
  /** The value for ARXIV_API_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Answers requests whose parameters include all of `params` with the named fixture file. */
  serve(params: Record<string, string>, fixture: string): void;
  setMode(mode: FakeArxivMode): void;
  /** Forgets routes and requests and goes back to replaying. */
  reset(): void;
  close(): Promise<void>;
};

const ATOM = "application/atom+xml; charset=utf-8";

/** `port` 0 picks a free one; browser tests pass the fixed port the app under test was given. */
export async function startFakeArxiv({ port: wanted = 0 }: { port?: number } = {}): Promise<FakeArxiv> {
  let routes: { params: Record<string, string>; fixture: string }[] = [];
  let mode: FakeArxivMode = "replay";
  const requests: RecordedRequest[] = [];

  const server = http.createServer((req, res) => {
    const at = performance.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname !== "/api/query") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not the export API\n");
      return;
    }
    const params = Object.fromEntries(url.searchParams);
    requests.push({ at, params });

    if (mode === "hang") return; // keep the socket open and say nothing
    if (mode === "status-500") {
      res.writeHead(500, { "content-type": "text/html" }).end("<h1>Internal Server Error</h1>\n");
      return;
    }
    if (mode === "status-429") {
      res.writeHead(429, { "content-type": "text/plain", "retry-after": "60" }).end("Rate exceeded.\n");
      return;
    }
    if (mode === "error-feed") {
      res.writeHead(400, { "content-type": ATOM }).end(readFixture("error-bad-id.xml"));
      return;
    }
    // The latest matching route wins, so a test can re-route a query it already set up.
    const route = routes.findLast((r) => Object.entries(r.params).every(([name, value]) => params[name] === value));
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`fake arXiv has no fixture for ${url.search}\n`);
      return;
    }
    res.writeHead(200, { "content-type": ATOM }).end(readFixture(route.fixture));
  });

  await new Promise<void>((resolve) => server.listen(wanted, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/query`,
    requests,
    serve(params, fixture) {
      readFixture(fixture); // fail at set-up, not mid-test, on a misspelt name
      routes.push({ params, fixture });
    },
    setMode(next) {
      mode = next;
    },
    reset() {
      routes = [];
      mode = "replay";
      requests.length = 0;
    },
    async close() {
      // Hanging requests hold their sockets open; end them so close() can finish.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}
