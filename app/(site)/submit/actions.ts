"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { action, type ActionResult } from "@/lib/action";
import { clientIp } from "@/lib/client-ip";
import { enforceRateLimit } from "@/lib/rate-limit";
import { SubmitInput } from "@/lib/submissions/schema";
import { submitPaper } from "@/lib/submissions/submit";

const guardedSubmit = action(SubmitInput, async ({ arxiv }, user) => {
  await enforceRateLimit({ action: "submit", user, ip: clientIp(await headers()) });
  return submitPaper({ user, paperId: arxiv.id, version: arxiv.version });
});

export type SubmitState = (ActionResult<unknown> & { value?: string }) | null;

export async function submitPaperAction(_: SubmitState, form: FormData): Promise<SubmitState> {
  const result = await guardedSubmit(form);
  if (!result.ok) return { ...result, value: String(form.get("arxiv") ?? "") };
  revalidatePath("/", "layout");
  const { paperId, outcome } = result.data;
  redirect(`/papers/${paperId}?submitted=${outcome === "listed" ? "new" : "existing"}`);
}
