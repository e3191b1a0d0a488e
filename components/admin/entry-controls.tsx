import type { CurationEntry } from "@/db/queries/curation";
import { hideEntryAction, moveEntryAction, movePinAction, pinEntryAction, unhideEntryAction, unpinEntryAction } from "@/app/admin/actions";
import { AdminForm, HiddenField } from "./admin-form";
import { inputClass } from "./input-class";

/** The curation buttons for one entry of a day. */
export function EntryControls({ entry }: { entry: CurationEntry }) {
  const id = entry.entryId;
  // Every entry has the same buttons: each names its entry by description, and after a change
  // (which may move the entry or replace the button) focus goes to the entry's heading.
  const about = { describedBy: entryHeadingId(id), focusAfter: entryHeadingId(id) };
  return (
    <div className="mt-2 flex flex-wrap items-start gap-x-4 gap-y-2">
      {entry.hiddenAt ? (
        <AdminForm {...about} action={unhideEntryAction} submitLabel="Unhide">
          <HiddenField name="entryId" value={id} />
        </AdminForm>
      ) : (
        <>
          {entry.pinnedPosition === null ? (
            <AdminForm {...about} action={pinEntryAction} submitLabel="Pin to top">
              <HiddenField name="entryId" value={id} />
            </AdminForm>
          ) : (
            <>
              <AdminForm {...about} action={movePinAction} submitLabel="Move up">
                <HiddenField name="entryId" value={id} />
                <HiddenField name="direction" value="up" />
              </AdminForm>
              <AdminForm {...about} action={movePinAction} submitLabel="Move down">
                <HiddenField name="entryId" value={id} />
                <HiddenField name="direction" value="down" />
              </AdminForm>
              <AdminForm {...about} action={unpinEntryAction} submitLabel="Unpin">
                <HiddenField name="entryId" value={id} />
              </AdminForm>
            </>
          )}
          <AdminForm {...about} action={hideEntryAction} submitLabel="Hide" variant="danger">
            <HiddenField name="entryId" value={id} />
            <label className="flex items-center gap-1 text-sm">
              <input name="reason" required minLength={3} placeholder="Reason (public)" className={inputClass} aria-label={`Reason for hiding ${entry.paperId}`} />
            </label>
          </AdminForm>
        </>
      )}
      {/* The entry leaves this day's page: focus goes to the page's heading instead. */}
      <AdminForm {...about} focusAfter="curate-heading" action={moveEntryAction} submitLabel="Move to day">
        <HiddenField name="entryId" value={id} />
        <label className="flex items-center gap-1 text-sm">
          <input type="date" name="toDay" required className={inputClass} aria-label={`New day for ${entry.paperId}`} />
        </label>
      </AdminForm>
    </div>
  );
}

/** The id of an entry's heading on the admin day page (app/admin/page.tsx). */
export function entryHeadingId(entryId: number | string): string {
  return `entry-${entryId}`;
}
