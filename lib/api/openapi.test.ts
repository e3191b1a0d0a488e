import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

const document = buildOpenApiDocument("https://paperboard.example");

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by the specification's own schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists every route of the API", () => {
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/daily_papers",
      "/api/papers/search",
      "/api/papers/{id}",
      "/api/papers/{id}/comments",
      "/api/papers/{id}/thumbnail.svg",
    ]);
  });

  it("describes the query parameters from the same schemas that parse them", () => {
    const params = Object.fromEntries(document.paths["/api/daily_papers"].get.parameters.map((p) => [p.name, p]));
    expect(Object.keys(params)).toEqual(["p", "limit", "date", "week", "month", "submitter", "sort"]);
    expect(params.limit.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100 });
    expect(params.sort.schema).toMatchObject({ enum: ["publishedAt", "trending"] });
    expect(params.date.schema).toMatchObject({ type: "string", format: "date" });
    const search = document.paths["/api/papers/search"].get.parameters;
    expect(search.find((p) => p.name === "q")).toMatchObject({ required: true, schema: { maxLength: 250 } });
  });

  it("references component schemas that exist", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const id of refs) expect(document.components.schemas).toHaveProperty(id);
    expect(document.components.schemas.DailyPaper).toMatchObject({ required: expect.arrayContaining(["paper", "publishedAt", "thumbnail", "submittedBy"]) });
  });
});
