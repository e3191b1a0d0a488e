import { describe, expect, it } from "vitest";
import { confirmationLink, signInMessage } from "./email-link";

describe("the sign-in email's link", () => {
  it("opens the confirmation page with Auth.js's parameters, never the callback that spends the token", () => {
    const callback = "https://papers.example/api/auth/callback/nodemailer?callbackUrl=https%3A%2F%2Fpapers.example%2Fsubmit&token=abc123def456abc123&email=a%40b.org";
    const link = confirmationLink(callback);
    expect(link).toBe("https://papers.example/signin/confirm?callbackUrl=https%3A%2F%2Fpapers.example%2Fsubmit&token=abc123def456abc123&email=a%40b.org");
    const message = signInMessage(link);
    expect(message.text).toContain(link);
    expect(message.text).not.toContain("/api/auth/callback");
  });
});
