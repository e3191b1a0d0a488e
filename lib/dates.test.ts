import { describe, expect, it } from "vitest";
import { addDays, daysOf, formatMonth, formatWeekday, lastDayOfMonth, isoWeekOf, isoWeeksOf, parseDay, parseIsoWeek, parseMonth, todayUtc } from "./dates";

describe("parseDay", () => {
  it("accepts real calendar days", () => {
    expect(parseDay("2025-02-28")).toEqual({ ok: true, value: "2025-02-28" });
    expect(parseDay("2024-02-29")).toEqual({ ok: true, value: "2024-02-29" }); // leap year
  });

  it.each([
    ["2025-02-30", /February 2025 has 28 days/],
    ["2023-02-29", /February 2023 has 28 days/],
    ["2025-04-31", /April 2025 has 30 days/],
    ["2025-13-01", /months run 01 to 12/],
    ["2025-00-10", /months run 01 to 12/],
    ["2025-1-5", /YYYY-MM-DD/],
    ["yesterday", /YYYY-MM-DD/],
    ["1990-05-01", /before arXiv/],
    ["3000-01-01", /too far ahead/],
    ["9999-12-31", /too far ahead/],
  ])("explains why %s is not a day", (input, reason) => {
    const parsed = parseDay(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe("parseIsoWeek", () => {
  it("finds the Monday-to-Sunday range of a week", () => {
    expect(parseIsoWeek("2025-W01")).toMatchObject({ ok: true, value: { start: "2024-12-30", end: "2025-01-05" } });
    expect(parseIsoWeek("2024-W09")).toMatchObject({ ok: true, value: { start: "2024-02-26", end: "2024-03-03" } });
    expect(parseIsoWeek("2021-W01")).toMatchObject({ ok: true, value: { start: "2021-01-04", end: "2021-01-10" } });
  });

  it("knows which years have 53 weeks", () => {
    expect(parseIsoWeek("2020-W53")).toMatchObject({ ok: true, value: { start: "2020-12-28", end: "2021-01-03" } });
    expect(parseIsoWeek("2026-W53")).toMatchObject({ ok: true, value: { start: "2026-12-28" } });
    expect(parseIsoWeek("2025-W53")).toMatchObject({ ok: false, reason: expect.stringMatching(/01 to 52/) });
  });

  it.each(["2025-W60", "2025-W00", "2025-W1", "2025W01", "2025-w01"])("rejects %s", (input) => {
    expect(parseIsoWeek(input).ok).toBe(false);
  });
});

describe("isoWeekOf", () => {
  it.each([
    ["2025-01-01", "2025-W01"],
    ["2024-12-30", "2025-W01"],
    ["2021-01-03", "2020-W53"],
    ["2026-11-28", "2026-W48"],
    ["2024-02-29", "2024-W09"],
  ])("%s is in %s", (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
    const range = parseIsoWeek(week);
    expect(range.ok && range.value.start <= day && day <= range.value.end).toBe(true);
  });
});

describe("parseMonth", () => {
  it("spans the whole month", () => {
    expect(parseMonth("2024-02")).toMatchObject({ ok: true, value: { start: "2024-02-01", end: "2024-02-29" } });
    expect(parseMonth("2025-12")).toMatchObject({ ok: true, value: { start: "2025-12-01", end: "2025-12-31" } });
  });

  it.each(["2025-13", "2025-00", "2025-1", "202501"])("rejects %s", (input) => {
    expect(parseMonth(input).ok).toBe(false);
  });

  it("stops short of the year 10000, where dates stop being YYYY-MM-DD (a month there looped forever)", () => {
    expect(parseMonth("2999-12")).toMatchObject({ ok: true, value: { end: "2999-12-31" } });
    for (const input of ["3000-01", "9999-12"]) expect(parseMonth(input)).toMatchObject({ ok: false, reason: expect.stringMatching(/too far ahead/) });
    expect(parseIsoWeek("9999-W52")).toMatchObject({ ok: false, reason: expect.stringMatching(/too far ahead/) });
    expect(daysOf({ start: "2999-12-30", end: "3000-01-01" })).toEqual(["2999-12-30", "2999-12-31", "3000-01-01"]);
  });
});

describe("day arithmetic", () => {
  it("crosses months and years in UTC", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(todayUtc(new Date("2026-11-28T23:59:59-05:00"))).toBe("2026-11-29");
  });
});

describe("the parts of a week or month", () => {
  it("lists a week's seven days, Monday first", () => {
    const week = parseIsoWeek("2026-W48");
    if (!week.ok) throw new Error(week.reason);
    expect(daysOf(week.value)).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
    expect(formatWeekday("2026-11-23")).toBe("Mon 23");
  });

  it("lists the ISO weeks a month touches, across a year's end", () => {
    const november = parseMonth("2026-11");
    const december = parseMonth("2026-12");
    if (!november.ok || !december.ok) throw new Error("not a month");
    expect(isoWeeksOf(november.value)).toEqual(["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"]);
    expect(isoWeeksOf(december.value)).toEqual(["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]);
  });
});

describe("months written YYYY-MM", () => {
  it("know their last day, leap years included, and read as words", () => {
    expect(lastDayOfMonth("2023-04")).toBe("2023-04-30");
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2023-02")).toBe("2023-02-28");
    expect(formatMonth("2023-04")).toBe("April 2023");
  });
});
