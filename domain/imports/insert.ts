/**
 * Inserting new buildings in bulk: one code reservation for all villages of a batch and one INSERT,
 * for the importer and the synthetic seeder. Rows are built field by field (not by object spreads,
 * which cost six times as much over 260,000 rows) and sent as one JSON parameter.
 */
import { buildingCode } from '../buildings/code.ts';
import type { BuildingCreateInput } from '../buildings/schema.ts';
import { BUILDING_COLUMNS } from '../buildings/building-sql.ts';
import type { Db } from '../db.ts';
import { refreshRiskTiers } from '../risk/refresh.ts';

/** Field → column for every imported field. */
export const IMPORTED_ENTRIES = Object.entries(BUILDING_COLUMNS) as [keyof BuildingCreateInput, string][];
/** Defaults of the NOT NULL columns a file may leave blank, as the table declares them. */
const DEFAULTS: Record<string, unknown> = { floors_below: 0, alteration: 'none', rectification_status: 'not_needed', approvals: [] };
const INSERT_COLUMNS = ['code', 'seq', ...IMPORTED_ENTRIES.map(([, column]) => column)];

function insertRow(input: BuildingCreateInput, code: string, seq: number): Record<string, unknown> {
  const row: Record<string, unknown> = { code, seq };
  for (const [field, column] of IMPORTED_ENTRIES) {
    const value = input[field];
    row[column] = value === undefined ? (DEFAULTS[column] ?? null) : value;
  }
  return row;
}

/**
 * BuildingStore.reserveSequences for many villages in one statement (one round trip instead of one
 * per village, which was a third of a chunk's time). Villages are locked in code order, so two
 * batches reserving at once cannot deadlock. Returns the first reserved sequence per village.
 */
async function reserveSequencesBulk(trx: Db, counts: ReadonlyMap<string, number>): Promise<Map<string, number>> {
  const villages = [...counts.keys()].sort();
  const result = await trx.raw(
    `INSERT INTO building_sequences (village_code, last_seq)
     SELECT v, n FROM unnest(?::text[], ?::int[]) AS t(v, n) ORDER BY v
     ON CONFLICT (village_code) DO UPDATE SET last_seq = building_sequences.last_seq + EXCLUDED.last_seq
     RETURNING village_code, last_seq`,
    [villages, villages.map((v) => counts.get(v) ?? 0)],
  );
  const rows = result.rows as { village_code: string; last_seq: number }[];
  return new Map(rows.map((r) => [r.village_code, r.last_seq - (counts.get(r.village_code) ?? 0) + 1]));
}

/**
 * Inserts new buildings, each with the next code of its village, and gives them their first risk tier
 * (recorded as caused by `cause`); `skipExisting` leaves out rows whose external id is registered
 * already (the seeder run twice). Returns how many rows were inserted.
 */
export async function insertBuildings(
  trx: Db,
  inputs: readonly BuildingCreateInput[],
  skipExisting = false,
  cause = 'import',
): Promise<number> {
  if (inputs.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const input of inputs) counts.set(input.villageCode, (counts.get(input.villageCode) ?? 0) + 1);
  const next = await reserveSequencesBulk(trx, counts);
  const rows = inputs.map((input) => {
    const seq = next.get(input.villageCode) ?? 1;
    next.set(input.villageCode, seq + 1);
    return insertRow(input, buildingCode(input.villageCode, seq), seq);
  });
  const list = INSERT_COLUMNS.map((c) => `"${c}"`).join(', ');
  const result = await trx.raw(
    `INSERT INTO buildings (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::buildings, ?::jsonb)
     ${skipExisting ? 'ON CONFLICT (external_id) DO NOTHING' : ''} RETURNING code`,
    [JSON.stringify(rows)],
  );
  const codes = (result.rows as { code: string }[]).map((r) => r.code);
  await refreshRiskTiers(trx, codes, cause);
  return codes.length;
}
