import Link from "next/link";
import { headers } from "next/headers";
import { explainNotFound, ORIGINAL_PATH_HEADER } from "@/lib/not-found-reason";

export default async function NotFound() {
  const path = (await headers()).get(ORIGINAL_PATH_HEADER);
  const { title, detail } = path ? explainNotFound(path) : { title: "Page not found", detail: "There is nothing at this address." };
  return (
    <section className="flex flex-col items-start gap-3 py-10">
      <p className="text-sm font-semibold text-accent-700 dark:text-accent-300">404</p>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="text-zinc-700 dark:text-zinc-300">{detail}</p>
      <Link href="/" className="mt-2 underline underline-offset-2">
        Back to today&apos;s papers
      </Link>
    </section>
  );
}
