/**
 * Writes the valid rows of one chunk with a handful of set-based statements, inside the caller's
 * transaction: one locking read of the buildings the rows name, then one INSERT of the new buildings
 * (with one code reservation for all villages), one UPDATE of the changed ones and one INSERT of their
 * change records. A row is matched by its house code, else by its external id; a match whose values
 * are all equal is counted as unchanged and not written.
 */
import { SAFETY_FIELDS, SAFETY_FIELDS_OWNED, housesWithOpenCases } from '../buildings/safety.ts';
import type { Db } from '../db.ts';
import { buildingRuleProblems } from '../buildings/rules.ts';
import type { BuildingState } from '../buildings/rules.ts';
import type { BuildingCreateInput } from '../buildings/schema.ts';
import type { ImportProblem } from './header.ts';
import { refreshRiskTiers } from '../risk/refresh.ts';
import { IMPORTED_ENTRIES, insertBuildings } from './insert.ts';
import { columnOf } from './template.ts';
import type { ImportField } from './template.ts';
import type { ValidRow } from './validate.ts';

/** How the file's rows are read: the header a problem names, and what an unknown house code means. */
export interface ApplyOptions {
  headerOf?: (field: ImportField) => string;
  /**
   * A national-layout file (a province's return, a neighbouring district's report) carries the codes
   * of another registry: a code unknown here is a new house (matched by its national code, else
   * inserted with a code of this registry) instead of an error.
   */
  unknownCodeIsNew?: boolean;
}

/** Who the changes are recorded for. */
export interface ApplyActor {
  id: string | null;
  name: string;
  /** `import:<job id>`, recorded with every change. */
  source: string;
}

/** What a chunk's valid rows did, and the rows refused while matching them. */
export interface ApplyResult {
  inserted: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

type Stored = Record<string, unknown> & { code: string; village_code: string; external_id: string | null };
type Changes = Record<string, { before: unknown; after: unknown }>;

const UPDATABLE = IMPORTED_ENTRIES.filter(([field]) => field !== 'villageCode');

/**
 * What a row changes in a stored building, in the shape BuildingStore.update records. The values of an
 * import are primitives (numbers, strings, booleans, dates as strings, null), for which the JSON
 * equality of `changedFields` is plain equality; comparing with the stored columns directly avoids
 * building a domain object and a JSON string per field for every row.
 */
function changesOf(input: BuildingCreateInput, stored: Stored): Changes | undefined {
  let changes: Changes | undefined;
  for (const [field, column] of UPDATABLE) {
    const after = input[field];
    if (after === undefined) continue;
    const before = stored[column] ?? null;
    const same = field === 'approvals' ? approvalsKey(after as Approvals) === approvalsKey(before as Approvals | null) : after === before;
    if (!same) (changes ??= {})[field] = { before, after };
  }
  return changes;
}

type Approvals = NonNullable<BuildingCreateInput['approvals']>;

/** Approvals compared by their values, whatever the key order jsonb gives back. */
function approvalsKey(list: Approvals | null): string {
  return JSON.stringify((list ?? []).map((a) => [a.type, a.number, a.issuer ?? null, a.date ?? null, a.fileId ?? null]));
}

/**
 * A file's approvals replace the stored ones, but a scan uploaded on the house file (which no file can
 * carry) stays with the approval of the same type and number.
 */
function keepScans(input: BuildingCreateInput, stored: Stored): BuildingCreateInput {
  if (!input.approvals) return input;
  const scans = new Map(
    ((stored.approvals as Approvals | null) ?? []).flatMap((a) => (a.fileId ? [[`${a.type}|${a.number}`, a.fileId] as const] : [])),
  );
  if (scans.size === 0) return input;
  return {
    ...input,
    approvals: input.approvals.map((a) => {
      const fileId = a.fileId ?? scans.get(`${a.type}|${a.number}`);
      return fileId ? { ...a, fileId } : a;
    }),
  };
}

/** The update row: every column the file carries, from the row or, where its cell was blank, as stored. */
function updateRow(input: BuildingCreateInput, stored: Stored, present: ReadonlySet<ImportField>): Record<string, unknown> {
  const row: Record<string, unknown> = { code: stored.code };
  for (const [field, column] of UPDATABLE) if (present.has(field)) row[column] = input[field] === undefined ? stored[column] : input[field];
  return row;
}

/**
 * The house as it will be after the row is applied: the stored values, with the row's own over them
 * (a column the file lacks, or a blank cell of a field that cannot be emptied, keeps what is stored).
 */
function afterUpdate(input: BuildingCreateInput, stored: Stored): BuildingState {
  const state: Record<string, unknown> = {};
  for (const [field, column] of IMPORTED_ENTRIES) state[field] = stored[column] ?? null;
  for (const [field, value] of Object.entries(input)) if (value !== undefined) state[field] = value;
  return state as BuildingState;
}

/**
 * Applies valid rows in the caller's transaction. Rows whose house code is unknown, whose external id
 * belongs to another house or village, or that name a house another row of the chunk named already are
 * refused as problems; the others are inserted, updated or counted as unchanged.
 */
export async function applyRows(
  trx: Db,
  rows: readonly ValidRow[],
  present: ReadonlySet<ImportField>,
  actor: ApplyActor,
  canUpdate: (villageCode: string) => boolean,
  today?: Date,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const problems: ImportProblem[] = [];
  const header = options.headerOf ?? ((field: ImportField) => columnOf(field).header);
  const problem = (row: ValidRow, field: ImportField, value: string, reason: string) =>
    problems.push({ line: row.line, column: header(field), value, reason });
  /** The cross-field rules the validator left for now (see ValidRow.rulesChecked); false when they fail. */
  const passesRules = (row: ValidRow, state: BuildingState): boolean => {
    if (row.rulesChecked) return true;
    const broken = buildingRuleProblems(state, '', today);
    const seen = new Set<string>();
    for (const p of broken) {
      const field = p.field.split('.')[0] as ImportField;
      if (seen.has(field)) continue;
      seen.add(field);
      const value = (state as Record<string, unknown>)[field];
      problem(row, field, value == null ? '' : String(value), p.message);
    }
    return broken.length === 0;
  };
  const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
  const externalIds = rows.flatMap((r) => (r.input.externalId ? [r.input.externalId] : []));
  // FOR UPDATE: an edit in the UI between this read and the write below waits, and is never lost.
  const found = (
    await trx.raw(`SELECT * FROM buildings WHERE code = ANY(?::text[]) OR external_id = ANY(?::text[]) FOR UPDATE`, [codes, externalIds])
  ).rows as Stored[];
  const byCode = new Map(found.map((b) => [b.code, b]));
  const byExternal = new Map(found.flatMap((b) => (b.external_id ? [[b.external_id, b] as const] : [])));

  const fresh: ValidRow[] = [];
  const updates: { code: string; row: Record<string, unknown>; changes: Changes }[] = [];
  const claimed = new Map<string, number>();
  let unchanged = 0;
  for (const row of rows) {
    const ext = row.input.externalId ?? null;
    const other = ext ? byExternal.get(ext) : undefined;
    let target: Stored | undefined;
    const known = row.code ? byCode.get(row.code) : undefined;
    if (row.code && (known || !options.unknownCodeIsNew)) {
      target = known;
      if (!target) {
        problem(row, 'code', row.code, '房屋编码不存在');
        continue;
      }
      if (other && other.code !== target.code) {
        problem(row, 'externalId', ext ?? '', `外部编号已被房屋 ${other.code} 使用`);
        continue;
      }
    } else if (other) {
      target = other;
      if (other.village_code !== row.input.villageCode) {
        problem(
          row,
          'externalId',
          ext ?? '',
          `外部编号已登记在村（社区） ${other.village_code} 的房屋 ${other.code}，与所填村（社区）代码不一致`,
        );
        continue;
      }
    }
    if (!target) {
      if (passesRules(row, row.input)) fresh.push(row);
      continue;
    }
    if (!canUpdate(target.village_code)) {
      problem(row, 'villageCode', target.village_code, `房屋 ${target.code} 不在您的管辖范围内`);
      continue;
    }
    const earlier = claimed.get(target.code);
    if (earlier !== undefined) {
      problem(row, row.code ? 'code' : 'externalId', row.code ?? ext ?? '', `与第 ${earlier} 行是同一栋房屋（${target.code}）`);
      continue;
    }
    claimed.set(target.code, row.line);
    if (!passesRules(row, afterUpdate(row.input, target))) continue;
    const input = keepScans(row.input, target);
    const changes = changesOf(input, target);
    if (!changes) unchanged++;
    else updates.push({ code: target.code, row: updateRow(input, target, present), changes });
  }

  // The safety state of a house with an open case is the cases' to say (domain/buildings/safety-state.ts).
  const busy = await housesWithOpenCases(
    trx,
    updates.map((u) => u.code),
  );
  for (const u of [...updates]) {
    const owned = busy.has(u.code) ? SAFETY_FIELDS.find((f) => f in u.changes) : undefined;
    if (!owned) continue;
    const row = rows.find((r) => claimed.get(u.code) === r.line) as ValidRow;
    problem(row, owned, String(u.changes[owned]?.after ?? ''), SAFETY_FIELDS_OWNED);
    updates.splice(updates.indexOf(u), 1);
  }

  const inserted = await insertBuildings(
    trx,
    fresh.map((r) => r.input),
    false,
    actor.source,
  );
  if (updates.length) {
    const set = UPDATABLE.filter(([field]) => present.has(field)).map(([, column]) => `"${column}" = r."${column}"`);
    await trx.raw(
      `UPDATE buildings b SET ${[...set, 'version = b.version + 1', 'updated_at = now()'].join(', ')}
       FROM jsonb_populate_recordset(NULL::buildings, ?::jsonb) r WHERE b.code = r.code`,
      [JSON.stringify(updates.map((u) => u.row))],
    );
    await trx.raw(
      `INSERT INTO building_changes (building_code, actor_id, actor_name, source, changes)
       SELECT c.code, ?, ?, ?, c.changes FROM jsonb_to_recordset(?::jsonb) AS c(code text, changes jsonb)`,
      [actor.id, actor.name, actor.source, JSON.stringify(updates.map((u) => ({ code: u.code, changes: u.changes })))],
    );
    await refreshRiskTiers(
      trx,
      updates.map((u) => u.code),
      actor.source,
    );
  }
  return { inserted, updated: updates.length, unchanged, problems };
}
