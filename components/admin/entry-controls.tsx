import type { CurationEntry } from "@/db/queries/curation";
import { hideEntryAction, moveEntryAction, movePinAction, pinEntryAction, unhideEntryAction, unpinEntryAction } from "@/app/admin/actions";
import { AdminForm, HiddenField, inputClass } from "./admin-form";

/** The curation buttons for one entry of a day. */
export function EntryControls({ entry }: { entry: CurationEntry }) {
  const id = entry.entryId;
  return (
    <div className="mt-2 flex flex-wrap items-start gap-x-4 gap-y-2">
      {entry.hiddenAt ? (
        <AdminForm action={unhideEntryAction} submitLabel="Unhide">
          <HiddenField name="entryId" value={id} />
        </AdminForm>
      ) : (
        <>
          {entry.pinnedPosition === null ? (
            <AdminForm action={pinEntryAction} submitLabel="Pin to top">
              <HiddenField name="entryId" value={id} />
            </AdminForm>
          ) : (
            <>
              <AdminForm action={movePinAction} submitLabel="Move up">
                <HiddenField name="entryId" value={id} />
                <HiddenField name="direction" value="up" />
              </AdminForm>
              <AdminForm action={movePinAction} submitLabel="Move down">
                <HiddenField name="entryId" value={id} />
                <HiddenField name="direction" value="down" />
              </AdminForm>
              <AdminForm action={unpinEntryAction} submitLabel="Unpin">
                <HiddenField name="entryId" value={id} />
              </AdminForm>
            </>
          )}
          <AdminForm action={hideEntryAction} submitLabel="Hide" variant="danger">
            <HiddenField name="entryId" value={id} />
            <label className="flex items-center gap-1 text-sm">
              <input name="reason" required minLength={3} placeholder="Reason (public)" className={inputClass} aria-label={`Reason for hiding ${entry.paperId}`} />
            </label>
          </AdminForm>
        </>
      )}
      <AdminForm action={moveEntryAction} submitLabel="Move to day">
        <HiddenField name="entryId" value={id} />
        <label className="flex items-center gap-1 text-sm">
          <input type="date" name="toDay" required className={inputClass} aria-label={`New day for ${entry.paperId}`} />
        </label>
      </AdminForm>
    </div>
  );
}
