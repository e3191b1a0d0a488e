import http from "node:http";

// A request as it goes over the wire and its answer as it came back: status, headers and the raw
// body bytes, undecoded (fetch would decompress them, hiding what the server sent).

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export function rawRequest(url: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject)
      .end();
  });
}
