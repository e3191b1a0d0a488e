import { afterEach, describe, expect, it } from "vitest";
import { sharedDeploymentNonce } from "./deployment-nonce";

const holder = globalThis as unknown as { paperboardDeploymentNonce?: Promise<string> };
afterEach(() => {
  holder.paperboardDeploymentNonce = undefined;
});

describe("sharedDeploymentNonce", () => {
  it("derives once: every later caller gets the first caller's value", async () => {
    expect(await sharedDeploymentNonce(async () => "from-the-build")).toBe("from-the-build");
    expect(await sharedDeploymentNonce(async () => "from-elsewhere")).toBe("from-the-build");
  });

  it("keeps no failed derivation: the next caller derives again", async () => {
    await expect(sharedDeploymentNonce(async () => Promise.reject(new Error("no key")))).rejects.toThrow("no key");
    expect(await sharedDeploymentNonce(async () => "second try")).toBe("second try");
  });
});
