/**
 * Risk tiers over many houses, on real PostgreSQL: seeded houses get their tiers as they are written;
 * `npm run risk:recompute` puts right every house whose stored tier disagrees with the rules, with
 * progress, and records each change of tier; the start-up sweep assesses houses no rule has seen.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { RISK_TIERS_V1, assessRisk } from '../../definitions/risk-tiers/index.ts';
import { DatabaseRiskStore } from '../../domain/risk/database-store.ts';
import { sweepAllRiskTiers } from '../../domain/risk/refresh.ts';
import { seedSyntheticBuildings } from '../../tools/synthetic/seed.ts';
import { createTestDatabase } from '../support/database.ts';
import type { TestDatabase } from '../support/database.ts';

let database: TestDatabase;
const COUNT = 400;

before(async () => {
  database = await createTestDatabase({ demoUsers: false });
  await seedSyntheticBuildings(database.appDb, { count: COUNT, district: '441802', batchSize: 150 });
});
after(async () => {
  await database?.drop();
});

type Row = { code: string; risk_tier: string; risk_reasons: { rule: string }[]; risk_version: number | null };
const houses = async () =>
  (await database.db('buildings').orderBy('code').select('code', 'risk_tier', 'risk_reasons', 'risk_version')) as Row[];

/** What the rules say of every house now, read through the same store the refresh uses. */
async function expected(): Promise<Map<string, string>> {
  const codes = (await houses()).map((h) => h.code);
  const rows = await database.db.transaction((trx) => new DatabaseRiskStore(trx).lockHouses(trx, codes));
  const now = new Date().toISOString();
  return new Map(rows.map((h) => [h.code, assessRisk(RISK_TIERS_V1, { ...h, now }).tier]));
}

describe('risk tiers over the whole registry', () => {
  test('seeded houses are assessed as they are written, each with its first history row', async () => {
    const rows = await houses();
    assert.equal(rows.length, COUNT);
    assert.ok(rows.every((h) => h.risk_version === 1));
    const want = await expected();
    assert.ok(rows.every((h) => h.risk_tier === want.get(h.code)));
    // A realistic district is not all one colour.
    assert.ok(new Set(rows.map((h) => h.risk_tier)).size >= 3, JSON.stringify([...new Set(rows.map((h) => h.risk_tier))]));
    const history = (await database.db('building_risk_changes').count({ n: '*' }).where({ cause: 'seed' }).first()) as { n: string };
    assert.equal(Number(history.n), COUNT);
  });

  test('npm run risk:recompute puts wrong tiers right, in batches with progress, recording each change', async () => {
    const wrong = (await houses()).filter((h) => h.risk_tier !== 'green').slice(0, 25);
    assert.equal(wrong.length, 25);
    await database
      .db('buildings')
      .whereIn(
        'code',
        wrong.map((h) => h.code),
      )
      .update({ risk_tier: 'green', risk_reasons: '[]' });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/risk-recompute.ts', '--batch', '100'], {
      env: { ...process.env, DATABASE_URL: database.appUrl, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`风险分级重算 100/${COUNT}`));
    assert.match(run.stdout, new RegExp(`重算 ${COUNT} 栋房屋.*25 栋结果有变化，其中 25 栋风险等级变化`));
    const want = await expected();
    assert.ok((await houses()).every((h) => h.risk_tier === want.get(h.code)));
    const changes = (await database.db('building_risk_changes').where({ cause: 'recompute' }).select('building_code', 'from_tier')) as {
      building_code: string;
      from_tier: string;
    }[];
    assert.deepEqual(changes.map((c) => c.building_code).sort(), wrong.map((h) => h.code).sort());
    assert.ok(changes.every((c) => c.from_tier === 'green'));
    assert.equal(spawnSync(process.execPath, ['--import', 'tsx', 'scripts/risk-recompute.ts', '--batch', 'many']).status, 2);
  });

  test('the sweep assesses houses no rule has seen, and then finds nothing to do', async () => {
    const unseen = (await houses()).slice(0, 30).map((h) => h.code);
    await database.db('buildings').whereIn('code', unseen).update({ risk_version: null, risk_tier: 'green', risk_reasons: '[]' });
    const r = await sweepAllRiskTiers(database.appDb, 7);
    assert.equal(r.assessed, 30);
    assert.ok((await houses()).every((h) => h.risk_version === 1));
    assert.deepEqual(await sweepAllRiskTiers(database.appDb, 7), { assessed: 0, changed: 0, moved: 0 });
  });
});
