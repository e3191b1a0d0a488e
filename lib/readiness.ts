// Whether the database has every committed migration, judged the way drizzle's migrator does:
// a journal entry is applied when its `when` is recorded as a migration's `created_at`.

export type JournalEntry = { tag: string; when: number };

export type MigrationStatus = { applied: number; expected: number; pending: string[] };

export function migrationStatus(journal: readonly JournalEntry[], appliedTimes: readonly number[]): MigrationStatus {
  const applied = new Set(appliedTimes);
  const pending = journal.filter((entry) => !applied.has(entry.when)).map((entry) => entry.tag);
  return { applied: journal.length - pending.length, expected: journal.length, pending };
}

export function pendingReason({ applied, expected }: MigrationStatus): string {
  return `migrations pending (${applied} of ${expected} applied)`;
}
