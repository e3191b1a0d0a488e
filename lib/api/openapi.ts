import { z } from "zod";
import { DAILY_LIMIT, SEARCH_LIMIT, dailyPaperParams, searchParams } from "./params";
import { apiSchemas } from "./schemas";

// The OpenAPI 3.1 description of the public API, served at /api/openapi.json. Schemas and query
// parameters are derived from the zod schemas the code itself uses, so the document cannot drift
// from what the handlers accept and return. OpenAPI 3.1 speaks JSON Schema 2020-12, zod's default.

type JsonSchema = Record<string, unknown>;

type Parameter = { name: string; in: "query" | "path"; required: boolean; description?: string; schema: JsonSchema };

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters: Parameter[];
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, JsonSchema> };
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const failed = {
  "500": { description: "Something went wrong on the server.", content: json(ref("Error")) },
  "503": { description: "The database cannot be reached right now (code unavailable); try again in a few seconds.", content: json(ref("Error")) },
};
const errors = {
  "400": { description: "A query parameter was refused; error.parameter names it.", content: json(ref("Error")) },
  ...failed,
};
const notFound = { "404": { description: "No such paper, or not an arXiv identifier.", content: json(ref("Error")) }, ...failed };

/** A JSON Schema without the keys that only make sense at a document's root. */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function queryParameters(fields: Record<string, z.ZodType>, required: string[] = []): Parameter[] {
  return Object.entries(fields).map(([name, field]) => {
    const { description, ...schema } = bare(z.toJSONSchema(field, { io: "output" }) as JsonSchema);
    return { name, in: "query", required: required.includes(name), ...(typeof description === "string" ? { description } : {}), schema };
  });
}

const idParameter: Parameter = {
  name: "id",
  in: "path",
  required: true,
  description: "arXiv identifier, e.g. 2401.12345. Old-style IDs keep their slash: /api/papers/hep-th/9901001.",
  schema: { type: "string" },
};

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, bare(schema)]));
}

export function buildOpenApiDocument(origin: string): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Paperboard API",
      version: "1.0.0",
      description:
        "Public, read-only and unauthenticated. Compatible with Hugging Face's papers API " +
        "(/api/daily_papers, /api/papers/{id}, /api/papers/search); comments are Paperboard's own.",
    },
    servers: [{ url: origin }],
    paths: {
      "/api/daily_papers": {
        get: {
          operationId: "listDailyPapers",
          summary: "The daily list",
          description:
            `Without date, week or month: the latest day with papers. At most one of them. Pages of limit ` +
            `(${DAILY_LIMIT.min}–${DAILY_LIMIT.max}) papers; p counts from 0.`,
          tags: ["papers"],
          parameters: queryParameters(dailyPaperParams),
          responses: {
            "200": { description: "The papers, in the order asked for.", content: json({ type: "array", items: ref("DailyPaper") }) },
            ...errors,
          },
        },
      },
      "/api/papers/search": {
        get: {
          operationId: "searchPapers",
          summary: "Search papers that were on the list",
          description: `Every word must appear in the title, the abstract or an author's name. limit ${SEARCH_LIMIT.min}–${SEARCH_LIMIT.max}.`,
          tags: ["papers"],
          parameters: queryParameters(searchParams, ["q"]),
          responses: {
            "200": { description: "Matching papers, best first.", content: json({ type: "array", items: ref("SearchResult") }) },
            ...errors,
          },
        },
      },
      "/api/papers/{id}": {
        get: {
          operationId: "getPaper",
          summary: "One paper",
          tags: ["papers"],
          parameters: [idParameter],
          responses: { "200": { description: "The paper.", content: json(ref("Paper")) }, ...notFound },
        },
      },
      "/api/papers/{id}/comments": {
        get: {
          operationId: "listPaperComments",
          summary: "A paper's comments, flat and oldest first",
          description: "Replies carry their parentId. Deleted and hidden comments keep their place without body or author.",
          tags: ["comments"],
          parameters: [idParameter],
          responses: { "200": { description: "The comments.", content: json({ type: "array", items: ref("Comment") }) }, ...notFound },
        },
      },
      "/api/papers/{id}/thumbnail.svg": {
        get: {
          operationId: "getPaperThumbnail",
          summary: "A generated title card (the thumbnail of /api/daily_papers)",
          tags: ["papers"],
          parameters: [idParameter],
          responses: { "200": { description: "An SVG image.", content: { "image/svg+xml": { schema: { type: "string" } } } }, ...notFound },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
