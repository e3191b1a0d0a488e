import { expect, test } from "@playwright/test";

// Liveness and readiness over HTTP, against the production build on the migrated, seeded database.

test("/api/health answers ok without caching", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok" });
});

test("/api/ready reports the database migrated", async ({ request }) => {
  const response = await request.get("/api/ready");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = await response.json();
  expect(body.status).toBe("ready");
  expect(body.migrations.applied).toBe(body.migrations.expected);
  expect(body.migrations.expected).toBeGreaterThan(0);
});
