import { decodeSegments } from "@/lib/uri";
import { getPaper } from "@/db/queries/papers";
import { paperPath, parseArxivId } from "@/lib/arxiv-id";
import { AdminForm } from "@/components/admin/admin-form";
import { inputClass } from "@/components/admin/input-class";
import { requireAdminViewer } from "@/lib/admin-page";
import { editPaperAction } from "../../actions";

export const metadata = { title: "Edit paper" };

export default async function EditPaperPage({ params }: { params: Promise<{ id: string[] }> }) {
  await requireAdminViewer();
  const parsed = parseArxivId(decodeSegments((await params).id).join("/"));
  const paper = parsed ? await getPaper({ id: parsed.id, primary: true }) : null;
  if (!paper) {
    return (
      <p role="alert">
        No paper with that arXiv ID is in the catalogue. <a href="/admin" className="underline">Back to the list</a>
      </p>
    );
  }
  const field = "flex flex-col gap-1 text-sm font-medium";
  return (
    <section aria-labelledby="edit-heading" className="flex max-w-2xl flex-col gap-4">
      <h1 id="edit-heading" className="text-2xl font-bold tracking-tight">
        Edit arXiv:{paper.id}
      </h1>
      <p className="text-sm">
        <a href={paperPath(paper.id)} className="underline">
          Public page
        </a>
      </p>
      <AdminForm
        action={editPaperAction}
        submitLabel="Save changes"
        variant="primary"
        className="flex-col items-stretch"
        fieldLabels={{ title: "Title", abstract: "Abstract", githubRepo: "GitHub repository", projectPage: "Project page", reason: "Reason" }}
      >
        <input type="hidden" name="paperId" value={paper.id} />
        <label className={field}>
          Title
          <input name="title" defaultValue={paper.title} required className={inputClass} />
        </label>
        <label className={field}>
          Abstract
          <textarea name="abstract" defaultValue={paper.abstract} required rows={8} className={inputClass} />
        </label>
        <label className={field}>
          GitHub repository
          <input name="githubRepo" type="url" defaultValue={paper.githubRepo ?? ""} placeholder="https://github.com/…" className={inputClass} />
        </label>
        <label className={field}>
          Project page
          <input name="projectPage" type="url" defaultValue={paper.projectPage ?? ""} placeholder="https://…" className={inputClass} />
        </label>
        <label className={field}>
          Reason (optional, shown in the public log)
          <input name="reason" className={inputClass} />
        </label>
      </AdminForm>
    </section>
  );
}
