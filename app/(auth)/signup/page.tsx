import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeRedirect } from "@/lib/safe-redirect";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeRedirect(Array.isArray(raw) ? raw[0] : raw);
  if (await getCurrentUser()) redirect(callbackUrl);
  const signInHref = callbackUrl === "/" ? "/signin" : `/signin?${new URLSearchParams({ callbackUrl })}`;
  return (
    <>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">Create an account</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Already have one?{" "}
          <a href={signInHref} className="font-medium text-accent-700 underline dark:text-accent-300">
            Sign in
          </a>
        </p>
      </header>
      <SignUpForm callbackUrl={callbackUrl} />
    </>
  );
}
