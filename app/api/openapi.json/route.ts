import { apiJson, DOCUMENT_CACHE } from "@/lib/api/http";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/env";
import { siteOrigin } from "@/lib/site-url";

// GET /api/openapi.json: the OpenAPI 3.1 description of the public API.
export function GET(request: Request) {
  return apiJson(buildOpenApiDocument(siteOrigin(getEnv(), request.headers)), DOCUMENT_CACHE);
}
