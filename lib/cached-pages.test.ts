import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { homeRoute, isCachedPagePath, isJunkUnderCachedRoute, PAGE_EXPIRE_SECONDS, PAGE_REVALIDATE_SECONDS } from "./cached-pages";

describe("cached pages", () => {
  it("are the home page, its per-day route, trending, the period lists and the paper pages", () => {
    for (const path of ["/", "/latest/2026-11-28", "/trending", "/trending/now", "/papers/date/2024-11-04", "/papers/week/2024-W45", "/papers/week/2024-W45/page/2", "/papers/month/2024-11", "/papers/2401.12509", "/papers/hep-th/9901001"]) {
      expect(isCachedPagePath(path), path).toBe(true);
    }
  });

  it("are not the pages rendered per reader or per query", () => {
    for (const path of ["/search", "/trending/feed.xml", "/submit", "/admin", "/signin", "/u/alice", "/moderation", "/api/me", "/papers", "/latest"]) {
      expect(isCachedPagePath(path), path).toBe(false);
    }
  });

  it("tells junk under the home page's and trending's routes from their real addresses and files", () => {
    const now = new Date("2026-11-28T12:00:00Z");
    // Other days than today's: each would be one more page in the cache, for anyone who types them.
    for (const path of ["/latest/junk", "/latest/2026-02-30", "/latest/%00", "/latest/2026-11-26", "/latest/2999-12-30", "/trending/junk", "/trending/%00", "/trending/feed.json"]) {
      expect(isJunkUnderCachedRoute(path, now), path).toBe(true);
    }
    for (const path of ["/latest/2026-11-28", "/latest/2026-11-27", "/latest/2026-11-29", "/trending", "/trending/now", "/trending/feed.xml", "/trending/feed.atom", "/papers/junk", "/latest/a/b"]) {
      expect(isJunkUnderCachedRoute(path, now), path).toBe(false);
    }
  });

  it("puts the home page at today's date in UTC", () => {
    expect(homeRoute(new Date("2026-11-28T23:59:59Z"))).toBe("/latest/2026-11-28");
    expect(homeRoute(new Date("2026-11-29T00:00:00Z"))).toBe("/latest/2026-11-29");
  });
});

describe("the cache's freshness, as configured", () => {
  // Route segment config must be a literal, so each cached page repeats the number.
  const pages = ["latest/[day]", "trending/[view]", "papers/date/[day]", "papers/week/[week]/[[...page]]", "papers/month/[month]/[[...page]]", "papers/[...id]"].map((route) =>
    path.join(__dirname, "..", "app", "(site)", route, "page.tsx"),
  );

  it("is what the README promises: re-rendered every 5 s while read, afresh after 10 s unread", () => {
    expect(PAGE_REVALIDATE_SECONDS).toBe(5);
    expect(PAGE_EXPIRE_SECONDS).toBe(10);
  });

  it("every cached page revalidates at PAGE_REVALIDATE_SECONDS", () => {
    for (const page of pages) expect(fs.readFileSync(page, "utf8"), page).toContain(`export const revalidate = ${PAGE_REVALIDATE_SECONDS};`);
  });

  it("next.config.js expires them at PAGE_EXPIRE_SECONDS", async () => {
    const { default: nextConfig } = (await import(path.join(__dirname, "..", "next.config.js"))) as { default: { expireTime?: number } };
    expect(nextConfig.expireTime).toBe(PAGE_EXPIRE_SECONDS);
  });
});
