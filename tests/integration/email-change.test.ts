import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applyEmailChange, pendingEmailChange } from "@/db/queries/email-changes";
import { emailChanges, users, verificationTokens } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { requestEmailChange } from "@/lib/auth/email-change";
import type { SessionUser } from "@/lib/auth/session-user";
import type { DigestMailConfig } from "@/lib/digest/mail-config";
import type { Mailer, OutgoingMail } from "@/lib/digest/mailer";
import { hashToken } from "@/lib/digest/tokens";
import { makeUser } from "../support/fixtures";
import { rejection } from "../support/rejection";
import { createTestDatabase } from "../support/test-database";

// Moving an account to another address, on a real database: nothing changes until the link
// mailed to the new address is used, by the account that asked, once, in time.

let drop: () => Promise<void>;
const mails: OutgoingMail[] = [];
const mailer: Mailer = { send: async (mail) => (mails.push(mail), { messageId: `<${mails.length}@test>` }), close: () => {} };
const config: DigestMailConfig = { smtpUrl: "smtp://unused", from: "Paperboard <noreply@paperboard.test>", siteUrl: "https://paperboard.test", unsubscribeMailto: null };
const PASSWORD = "a long enough passphrase";

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
});

afterAll(async () => {
  await drop();
});

const asSessionUser = (u: typeof users.$inferSelect): SessionUser => ({ ...u, role: "user" });
const ask = (user: typeof users.$inferSelect, newEmail: string, current?: string, now?: Date) =>
  requestEmailChange({ user: asSessionUser(user), newEmail, current, ip: "198.51.100.7", config, mailer, now });

/** The token in the last mail's link. */
function lastToken(): string {
  const url = /https:\/\/paperboard\.test\/settings\/email\?token=([\w-]+)/.exec(mails.at(-1)!.text);
  return url![1];
}

async function emailOf(id: string) {
  const [row] = await getDb().select({ email: users.email, emailVerified: users.emailVerified }).from(users).where(eq(users.id, id));
  return row;
}

describe("changing the address an account signs in with", () => {
  it("mails a link to the new address and changes nothing until it is used, once", async () => {
    const mover = await makeUser({ email: "old@example.org", passwordHash: await hashPassword(PASSWORD) });
    await ask(mover, "new@example.org", PASSWORD);

    expect(mails.at(-1)).toMatchObject({ to: "new@example.org", subject: "Confirm your new Paperboard address" });
    expect(await emailOf(mover.id)).toMatchObject({ email: "old@example.org" });
    expect(await pendingEmailChange({ userId: mover.id, tokenHash: null })).toBe("new@example.org");

    const token = lastToken();
    // A sign-in link mailed to the old address before the change must not open a new account there.
    await getDb().insert(verificationTokens).values({ identifier: "old@example.org", token: "hashed-sign-in-token", expires: new Date(Date.now() + 3_600_000) });
    expect(await applyEmailChange({ userId: mover.id, tokenHash: hashToken(token) })).toEqual({ oldEmail: "old@example.org", newEmail: "new@example.org" });
    expect(await getDb().select().from(verificationTokens).where(eq(verificationTokens.identifier, "old@example.org"))).toEqual([]);
    const after = await emailOf(mover.id);
    expect(after.email).toBe("new@example.org");
    expect(after.emailVerified).not.toBeNull(); // the link proved it
    expect(await pendingEmailChange({ userId: mover.id, tokenHash: null })).toBeNull();
    expect((await rejection(applyEmailChange({ userId: mover.id, tokenHash: hashToken(token) }))).code).toBe("not_found");
  });

  it("asks for the password of an account that has one, and refuses an address in use or the same one", async () => {
    const owner = await makeUser({ email: "owner@example.org", passwordHash: await hashPassword(PASSWORD) });
    await makeUser({ email: "taken@example.org", emailVerified: new Date() });
    const sent = mails.length;

    expect((await rejection(ask(owner, "fresh@example.org", "not the password"))).fieldErrors).toEqual({ current: ["That is not your current password."] });
    expect((await rejection(ask(owner, "fresh@example.org", undefined))).fieldErrors).toEqual({ current: ["Enter your password."] });
    expect((await rejection(ask(owner, "taken@example.org", PASSWORD))).fieldErrors).toEqual({ email: ["Another account signs in with that address."] });
    expect((await rejection(ask(owner, "owner@example.org", PASSWORD))).fieldErrors).toEqual({ email: ["That is already your address."] });
    expect(mails.length).toBe(sent);
    expect(await pendingEmailChange({ userId: owner.id, tokenHash: null })).toBeNull();
  });

  it("works only for the account that asked, before the link expires, and only its newest link", async () => {
    const asker = await makeUser({ email: "asker@example.org" }); // an email-link account: no password to ask
    const stranger = await makeUser({ email: "stranger@example.org" });
    const now = new Date();
    await ask(asker, "first@example.org", undefined, now);
    const first = lastToken();
    await ask(asker, "second@example.org", undefined, now);
    const second = lastToken();

    expect((await rejection(applyEmailChange({ userId: asker.id, tokenHash: hashToken(first) }))).code).toBe("not_found"); // replaced
    expect((await rejection(applyEmailChange({ userId: stranger.id, tokenHash: hashToken(second) }))).code).toBe("not_found"); // not theirs
    const tomorrow = new Date(now.getTime() + 25 * 3_600_000);
    expect((await rejection(applyEmailChange({ userId: asker.id, tokenHash: hashToken(second), now: tomorrow }))).code).toBe("not_found"); // expired
    expect(await emailOf(asker.id)).toMatchObject({ email: "asker@example.org" });
    expect(await emailOf(stranger.id)).toMatchObject({ email: "stranger@example.org" });

    // A minute before its 24 hours are up, the newest link still works.
    await applyEmailChange({ userId: asker.id, tokenHash: hashToken(second), now: new Date(now.getTime() + 24 * 3_600_000 - 60_000) });
    expect(await emailOf(asker.id)).toMatchObject({ email: "second@example.org" });
  });

  it("refuses the change if another account proved the address meanwhile, changing nothing", async () => {
    const slow = await makeUser({ email: "slow@example.org" });
    await ask(slow, "contested@example.org");
    const token = lastToken();
    await makeUser({ email: "Contested@Example.org", emailVerified: new Date() }); // as GitHub may spell it

    const error = await rejection(applyEmailChange({ userId: slow.id, tokenHash: hashToken(token) }));
    expect(error.code).toBe("conflict");
    expect(await emailOf(slow.id)).toMatchObject({ email: "slow@example.org" });
    expect(await getDb().select().from(emailChanges).where(eq(emailChanges.userId, slow.id))).toHaveLength(1);
  });

  it("takes the address from an account that only claimed it (a sign-up never confirmed), ending its sessions", async () => {
    const squatter = await makeUser({ email: "owner-to-be@example.org", passwordHash: await hashPassword(PASSWORD) });
    const owner = await makeUser({ email: "owner-now@example.org" });
    await ask(owner, "owner-to-be@example.org"); // the claim does not block the request
    await applyEmailChange({ userId: owner.id, tokenHash: hashToken(lastToken()) });

    expect((await emailOf(owner.id)).email).toBe("owner-to-be@example.org");
    const [after] = await getDb().select({ email: users.email, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, squatter.id));
    expect(after).toEqual({ email: null, sessionVersion: squatter.sessionVersion + 1 });
  });
});
