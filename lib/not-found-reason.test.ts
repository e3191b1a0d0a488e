import { describe, expect, it } from "vitest";
import { explainNotFound } from "./not-found-reason";

describe("explainNotFound", () => {
  it("says what is wrong with a date, week or month", () => {
    expect(explainNotFound("/papers/date/2025-02-30")).toMatchObject({ malformed: true, detail: expect.stringMatching(/28 days/) });
    expect(explainNotFound("/papers/week/2025-W60")).toMatchObject({ malformed: true, detail: expect.stringMatching(/01 to 52/) });
    expect(explainNotFound("/papers/month/2025-13")).toMatchObject({ malformed: true });
  });

  it("reads a week's or month's page number, which a day does not have", () => {
    for (const path of ["/papers/week/2025-W07/page/2", "/papers/month/2025-02/page/999"]) expect(explainNotFound(path).malformed, path).toBe(false);
    // A page the list does not reach: well formed, so the cached route answers it, and says so.
    expect(explainNotFound("/papers/month/2025-02/page/7")).toMatchObject({ title: "That page doesn't exist", detail: expect.stringMatching(/first is at \/papers\/month\/2025-02\./) });
    for (const path of ["/papers/week/2025-W07/page/1", "/papers/week/2025-W07/page/02", "/papers/week/2025-W07/page/1000", "/papers/month/2999-12/page/2", "/papers/week/2025-W07/page", "/papers/week/2025-W07/2", "/papers/month/2025-02/page/2/3", "/papers/date/2025-02-03/page/2"]) {
      expect(explainNotFound(path), path).toMatchObject({ malformed: true, title: "That page doesn't exist" });
    }
    expect(explainNotFound("/papers/week/2025-W60/page/2")).toMatchObject({ malformed: true, detail: expect.stringMatching(/01 to 52/) });
  });

  it("tells a malformed arXiv ID from an unknown one", () => {
    expect(explainNotFound("/papers/junk")).toMatchObject({ malformed: true, title: "Not an arXiv ID" });
    expect(explainNotFound("/papers/2401.99999v2")).toMatchObject({ malformed: false, title: "Paper not found", unknownPaperId: "2401.99999" });
    expect(explainNotFound("/papers/hep-th/9901001")).toMatchObject({ malformed: false, unknownPaperId: "hep-th/9901001" });
    expect(explainNotFound("/papers/junk").unknownPaperId).toBeUndefined();
  });

  it("leaves valid paths alone and reads through the rewrite prefix", () => {
    expect(explainNotFound("/papers/date/2025-02-28").malformed).toBe(false);
    // The prerendered page for unmatched addresses, before it runs in the browser: no internal path shown.
    expect(explainNotFound("/_not-found")).toMatchObject({ title: "Page not found", detail: "There is nothing at this address." });
    expect(explainNotFound("/not-found-explained/papers/date/2025-02-30")).toMatchObject({ detail: "There is nothing at this address." });
  });
});
