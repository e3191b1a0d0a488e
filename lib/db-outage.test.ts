import { describe, expect, it } from "vitest";
import { databaseBelievedDown, markDatabaseUp, noteDatabaseError } from "./db-outage";

describe("the outage circuit", () => {
  it("opens on a connection error only, and closes when told the database is back", () => {
    markDatabaseUp();
    expect(noteDatabaseError(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(databaseBelievedDown()).toBe(false);
    expect(noteDatabaseError(Object.assign(new Error("terminating connection"), { code: "57P01" }))).toBe(true);
    expect(databaseBelievedDown()).toBe(true);
    markDatabaseUp();
    expect(databaseBelievedDown()).toBe(false);
  });
});
