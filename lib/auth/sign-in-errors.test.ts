import { describe, expect, it } from "vitest";
import { friendlyMessage } from "../errors";
import { signInErrorMessage } from "./sign-in-errors";

describe("signInErrorMessage", () => {
  it("says nothing without an error", () => {
    expect(signInErrorMessage(null)).toBeNull();
    expect(signInErrorMessage("")).toBeNull();
  });

  it("gives one message for every password failure, known account or not", () => {
    expect(signInErrorMessage("CredentialsSignin", "credentials")).toBe(friendlyMessage("invalid_credentials"));
    expect(signInErrorMessage("CredentialsSignin")).toBe(friendlyMessage("invalid_credentials"));
  });

  it("tells a suspended user who knew the password", () => {
    expect(signInErrorMessage("CredentialsSignin", "suspended")).toBe("This account is suspended.");
  });

  it("explains expired links and unlinked providers", () => {
    expect(signInErrorMessage("Verification")).toMatch(/expired or was already used/);
    expect(signInErrorMessage("OAuthAccountNotLinked")).toMatch(/already belongs/);
  });

  it("falls back for anything else, including made-up types in the URL", () => {
    expect(signInErrorMessage("Configuration")).toBe("Sign-in did not work. Please try again.");
    expect(signInErrorMessage("<script>")).toBe("Sign-in did not work. Please try again.");
  });
});
