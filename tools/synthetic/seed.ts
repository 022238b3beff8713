/**
 * Writes synthetic houses into the registry, for `npm run seed:synthetic` and the demo data of
 * `npm start`: batches of a few thousand, each in one transaction with its code reservations (one per
 * village) and one INSERT. Only villages loaded in the regions table are used.
 */
import type { Db } from '../../domain/db.ts';
import { insertBuildings } from '../../domain/imports/insert.ts';
import type { BuildingCreateInput } from '../../domain/buildings/schema.ts';
import { syntheticBuildings } from './buildings.ts';
import { districtVillages } from './places.ts';

/** How many houses, from which seed, where. */
export interface SeedOptions {
  count: number;
  seed?: number;
  /** District whose villages get the houses (6 digits); default 清城区. */
  district?: string;
  batchSize?: number;
  onProgress?: (written: number, inserted: number) => void;
}

/** Returns how many houses were inserted (rows whose synthetic id exists already are skipped). */
export async function seedSyntheticBuildings(db: Db, options: SeedOptions): Promise<number> {
  const district = options.district ?? '441802';
  const loaded = new Set(
    ((await db('regions').whereRaw('length(code) = 12').where('code', 'like', `${district}%`).select('code')) as { code: string }[]).map(
      (r) => r.code,
    ),
  );
  const villages = districtVillages(district).filter((v) => loaded.has(v.code));
  if (villages.length === 0) throw new Error(`no villages of district ${district} are loaded (npm run seed:regions -- ${district})`);
  const batchSize = options.batchSize ?? 5000;
  let batch: BuildingCreateInput[] = [];
  let written = 0;
  let inserted = 0;
  const flush = async () => {
    const rows = batch;
    batch = [];
    inserted += await db.transaction((trx) => insertBuildings(trx, rows, true, 'seed'));
    written += rows.length;
    options.onProgress?.(written, inserted);
  };
  for (const building of syntheticBuildings(options.count, options.seed ?? 42, villages)) {
    batch.push(building);
    if (batch.length === batchSize) await flush();
  }
  if (batch.length) await flush();
  return inserted;
}
