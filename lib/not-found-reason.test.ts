import { describe, expect, it } from "vitest";
import { explainNotFound } from "./not-found-reason";

describe("explainNotFound", () => {
  it("says what is wrong with a date, week or month", () => {
    expect(explainNotFound("/papers/date/2025-02-30")).toMatchObject({ malformed: true, detail: expect.stringMatching(/28 days/) });
    expect(explainNotFound("/papers/week/2025-W60")).toMatchObject({ malformed: true, detail: expect.stringMatching(/01 to 52/) });
    expect(explainNotFound("/papers/month/2025-13")).toMatchObject({ malformed: true });
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
