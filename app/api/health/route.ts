import { jsonRoute } from "@/lib/api/json-route";

// GET /api/health: liveness. It touches nothing, so a slow or down database never makes an
// orchestrator restart a process that is otherwise fine (that is what /api/ready is for).
export const GET = jsonRoute((_request: Request) => {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
});
