"use server";

import { revalidatePath } from "next/cache";
import {
  addPaperToDay,
  hideEntry,
  moveEntryToDay,
  movePinnedEntry,
  pinEntry,
  unhideEntry,
  unpinEntry,
  updatePaperDetails,
} from "@/db/queries/curation";
import { dismissFlags } from "@/db/queries/comment-flags";
import { setCommentHidden, setUserBanned, setUserRole } from "@/db/queries/moderation";
import type { ActionResult } from "@/lib/action";
import { adminAction } from "@/lib/admin-action";
import {
  AddToDayInput,
  BanInput,
  CommentModerationInput,
  CommentUnhideInput,
  EditPaperInput,
  EntryInput,
  HideEntryInput,
  MoveEntryInput,
  MovePinInput,
  RoleInput,
  UnbanInput,
  UnhideEntryInput,
} from "@/lib/admin-schemas";
import { ensurePaperInCatalogue } from "@/lib/submissions/catalogue";
import { countOf } from "@/lib/plural";

// Every admin Server Action. Each goes through adminAction (session from the database, role,
// zod), and the data layer checks the role again and writes the audit row in the same
// transaction. Public pages are refreshed so changes show at once.

export type AdminFormState = ActionResult<{ message: string }> | null;

function refreshPublicPages() {
  revalidatePath("/", "layout");
}

const done = (message: string) => {
  refreshPublicPages();
  return { message };
};

const guarded = {
  addToDay: adminAction(AddToDayInput, async ({ paperId, day }, admin) => {
    await ensurePaperInCatalogue(paperId);
    await addPaperToDay({ actor: admin, paperId, day });
    return done(`Added ${paperId} to ${day}.`);
  }),
  hide: adminAction(HideEntryInput, async ({ entryId, reason }, admin) => {
    await hideEntry({ actor: admin, entryId, reason });
    return done("Hidden from the list.");
  }),
  unhide: adminAction(UnhideEntryInput, async ({ entryId, reason }, admin) => {
    await unhideEntry({ actor: admin, entryId, reason });
    return done("Back on the list.");
  }),
  pin: adminAction(EntryInput, async ({ entryId }, admin) => {
    await pinEntry({ actor: admin, entryId });
    return done("Pinned.");
  }),
  unpin: adminAction(EntryInput, async ({ entryId }, admin) => {
    await unpinEntry({ actor: admin, entryId });
    return done("Unpinned.");
  }),
  movePin: adminAction(MovePinInput, async ({ entryId, direction }, admin) => {
    await movePinnedEntry({ actor: admin, entryId, direction });
    return done(`Moved ${direction}.`);
  }),
  moveToDay: adminAction(MoveEntryInput, async ({ entryId, toDay, reason }, admin) => {
    const moved = await moveEntryToDay({ actor: admin, entryId, toDay, reason });
    return done(`Moved from ${moved.from} to ${moved.to}.`);
  }),
  editPaper: adminAction(EditPaperInput, async ({ paperId, reason, ...changes }, admin) => {
    const result = await updatePaperDetails({ actor: admin, paperId, changes, reason });
    return done(result.changed.length ? `Saved: ${result.changed.join(", ")}.` : "Nothing changed.");
  }),
  hideComment: adminAction(CommentModerationInput, async ({ commentId, reason }, admin) => {
    await setCommentHidden({ actor: admin, commentId, hidden: true, reason });
    return done("Comment hidden.");
  }),
  unhideComment: adminAction(CommentUnhideInput, async ({ commentId, reason }, admin) => {
    await setCommentHidden({ actor: admin, commentId, hidden: false, reason });
    return done("Comment visible again.");
  }),
  // Flags are on no public page: only the admin's own list (and its count) is drawn again.
  dismissFlags: adminAction(CommentUnhideInput, async ({ commentId, reason }, admin) => {
    const { dismissed } = await dismissFlags({ actor: admin, commentId, reason });
    revalidatePath("/admin/comments");
    return { message: `Dismissed ${countOf(dismissed, "flag")}; the comment stays.` };
  }),
  ban: adminAction(BanInput, async ({ userId, reason, hideContent }, admin) => {
    const { hidden } = await setUserBanned({ actor: admin, userId, banned: true, reason, hideContent });
    return done(hideContent ? `Banned; hid ${countOf(hidden.comments, "comment")} and ${countOf(hidden.entries, "submission")}.` : "Banned.");
  }),
  unban: adminAction(UnbanInput, async ({ userId, reason, restoreContent }, admin) => {
    const { restored, stillHidden } = await setUserBanned({ actor: admin, userId, banned: false, reason, restoreContent });
    if (restoreContent) return done(`Ban lifted; restored ${countOf(restored.comments, "comment")} and ${countOf(restored.entries, "submission")}.`);
    const left = stillHidden.comments + stillHidden.entries;
    return done(left === 0 ? "Ban lifted." : `Ban lifted. The ${countOf(stillHidden.comments, "comment")} and ${countOf(stillHidden.entries, "submission")} it hid stay hidden.`);
  }),
  setRole: adminAction(RoleInput, async ({ userId, role, reason }, admin) => {
    const result = await setUserRole({ actor: admin, userId, role, reason });
    return done(result.changed ? (role === "admin" ? "Promoted to admin." : "Demoted to reader.") : "No change.");
  }),
};

// The form-facing exports: React's useActionState passes the previous state first.
export async function addToDayAction(_: AdminFormState, form: FormData) {
  return guarded.addToDay(form);
}
export async function hideEntryAction(_: AdminFormState, form: FormData) {
  return guarded.hide(form);
}
export async function unhideEntryAction(_: AdminFormState, form: FormData) {
  return guarded.unhide(form);
}
export async function pinEntryAction(_: AdminFormState, form: FormData) {
  return guarded.pin(form);
}
export async function unpinEntryAction(_: AdminFormState, form: FormData) {
  return guarded.unpin(form);
}
export async function movePinAction(_: AdminFormState, form: FormData) {
  return guarded.movePin(form);
}
export async function moveEntryAction(_: AdminFormState, form: FormData) {
  return guarded.moveToDay(form);
}
export async function editPaperAction(_: AdminFormState, form: FormData) {
  return guarded.editPaper(form);
}
export async function hideCommentAction(_: AdminFormState, form: FormData) {
  return guarded.hideComment(form);
}
export async function unhideCommentAction(_: AdminFormState, form: FormData) {
  return guarded.unhideComment(form);
}
export async function dismissFlagsAction(_: AdminFormState, form: FormData) {
  return guarded.dismissFlags(form);
}
export async function banUserAction(_: AdminFormState, form: FormData) {
  return guarded.ban(form);
}
export async function unbanUserAction(_: AdminFormState, form: FormData) {
  return guarded.unban(form);
}
export async function setRoleAction(_: AdminFormState, form: FormData) {
  return guarded.setRole(form);
}
