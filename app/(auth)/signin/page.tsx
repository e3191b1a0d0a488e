import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { emailLinkEnabled } from "@/lib/auth/email-link";
import { oauthOptions } from "@/lib/auth/providers";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { getEnv } from "@/lib/env";
import { safeRedirect } from "@/lib/safe-redirect";
import { FormAlert } from "@/components/ui/form-alert";
import { signInWithProvider } from "./actions";
import { EmailLinkForm } from "./email-link-form";
import { PasswordSignInForm } from "./password-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeRedirect(first(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);

  const env = getEnv();
  const providers = oauthOptions(env);
  const signUpHref = callbackUrl === "/" ? "/signup" : `/signup?${new URLSearchParams({ callbackUrl })}`;
  return (
    <>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          New to Paperboard?{" "}
          <a href={signUpHref} className="font-medium text-accent-700 underline dark:text-accent-300">
            Create an account
          </a>
        </p>
      </header>
      <FormAlert message={signInErrorMessage(first(params.error), first(params.code))} />
      <PasswordSignInForm callbackUrl={callbackUrl} />
      {emailLinkEnabled(env) && (
        <>
          <Divider />
          <EmailLinkForm callbackUrl={callbackUrl} />
        </>
      )}
      {providers.length > 0 && (
        <>
          <Divider />
          <div className="flex flex-col gap-2">
            {providers.map((provider) => (
              <form key={provider.id} action={signInWithProvider}>
                <input type="hidden" name="provider" value={provider.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button
                  type="submit"
                  className="w-full rounded-md border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
                >
                  Continue with {provider.name}
                </button>
              </form>
            ))}
          </div>
        </>
      )}
    </>
  );
}

function Divider() {
  return <hr className="border-zinc-200 dark:border-zinc-800" />;
}
