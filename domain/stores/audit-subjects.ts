/**
 * What an audit entry is about, in the words people use: a case by its number, a complaint by its
 * tracking number, a user by name and account, a campaign by its name, an inspection by its house,
 * an import by its file, a label batch by its size. Looked up for one page of entries at once (one query per subject type), so
 * the audit log never shows a bare UUID where a number exists.
 */
import type { Db } from '../db.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Per subject type: the table, and the SQL giving the label of one row (`id` is the key). */
const LOOKUPS: Record<string, { table: string; label: string }> = {
  Case: { table: 'cases', label: 'number' },
  Complaint: { table: 'complaints', label: 'tracking_no' },
  User: { table: 'users', label: `name || '（' || username || '）'` },
  Campaign: { table: 'campaigns', label: 'name' },
  Inspection: { table: 'inspections', label: `'房屋 ' || building_code` },
  ImportJob: { table: 'import_jobs', label: 'file_name' },
  LabelBatch: { table: 'label_batches', label: `'标签 ' || total || ' 张'` },
  DataReport: { table: 'data_reports', label: `'数据上报 ' || region_code || CASE kind WHEN 'full' THEN '（全量）' ELSE '（变更）' END` },
};

export interface Subject {
  subjectType: string | null;
  subjectId: string | null;
}

/** `type:id` → label, for the subjects of `entries` that have one. */
export async function subjectLabels(db: Db, entries: readonly Subject[]): Promise<Map<string, string>> {
  const wanted = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!e.subjectType || !e.subjectId || !LOOKUPS[e.subjectType] || !UUID.test(e.subjectId)) continue;
    const ids = wanted.get(e.subjectType) ?? new Set<string>();
    ids.add(e.subjectId.toLowerCase());
    wanted.set(e.subjectType, ids);
  }
  const labels = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      const lookup = LOOKUPS[type];
      if (!lookup) return;
      const rows = (await db(lookup.table)
        .whereIn('id', [...ids])
        .select('id', db.raw(`${lookup.label} AS label`))) as { id: string; label: string | null }[];
      for (const r of rows) if (r.label) labels.set(`${type}:${r.id}`, r.label);
    }),
  );
  return labels;
}
