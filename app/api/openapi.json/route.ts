import { apiJson, DOCUMENT_CACHE } from "@/lib/api/http";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/env";
import { siteOrigin } from "@/lib/site-url";
import { jsonRoute } from "@/lib/api/json-route";

// GET /api/openapi.json: the OpenAPI 3.1 description of the public API.
export const GET = jsonRoute((request: Request) => {
  return apiJson(buildOpenApiDocument(siteOrigin(getEnv(), request.headers)), DOCUMENT_CACHE);
});
