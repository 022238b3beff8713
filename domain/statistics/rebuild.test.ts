import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { Random } from '../../tools/synthetic/random.ts';
import type { Db } from '../db.ts';
import { floorsBand, yearBand } from './dimensions.ts';
import { rebuildStatistics, statisticsDifferences, statisticsSnapshot } from './rebuild.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database?.drop();
});

test('the SQL band functions agree with floorsBand and yearBand', async () => {
  const floors = Array.from({ length: 60 }, (_, i) => i + 1);
  const years = Array.from({ length: 131 }, (_, i) => 1900 + i);
  const sqlFloors = await database.appDb.raw('SELECT f, stats_floors_band(f) AS band FROM unnest(?::integer[]) f', [floors]);
  for (const row of sqlFloors.rows as { f: number; band: string }[]) assert.equal(row.band, floorsBand(row.f), `floors ${row.f}`);
  assert.equal(sqlFloors.rows.length, 60);
  const sqlYears = await database.appDb.raw('SELECT y, stats_year_band(y) AS band FROM unnest(?::integer[]) y', [years]);
  for (const row of sqlYears.rows as { y: number; band: string }[]) assert.equal(row.band, yearBand(row.y), `year ${row.y}`);
  assert.equal(sqlYears.rows.length, 131);
  const unknown = await database.appDb.raw('SELECT stats_year_band(NULL) AS band');
  assert.equal(unknown.rows[0].band, yearBand(null));
});

const USES = ['own_home', 'rental', 'business', 'mixed', 'other'];
const BUSINESS = ['catering', 'lodging', 'retail', 'production'];
const STRUCTURES = ['timber', 'brick_timber', 'brick_concrete', 'reinforced_concrete'];
const JUDGEMENTS = ['serious', 'some', 'none'];
const GRADES = ['A', 'B', 'C', 'D'];
const TIERS = ['red', 'orange', 'yellow', 'green'];
const CASE_STATUSES = ['registered', 'assigning', 'controlling', 'rectifying', 'rechecking', 'closing', 'closed', 'cancelled'];
const CATEGORIES = ['structure', 'fire', 'gas', 'electric'];
const TASK_STATUSES = ['open', 'claimed', 'completed', 'cancelled'];
const STEPS = ['assign', 'control', 'rectify', 'recheck', 'close'];

/** Random writes of every raw table, as the application role, the way no workflow would make them. */
class RawWriter {
  buildings: string[] = [];
  cases: string[] = [];
  tasks: string[] = [];
  complaints: string[] = [];
  inspections: string[] = [];
  escalations: { caseId: string; no: number }[] = [];
  private seq = 0;
  private readonly rnd: Random;

  constructor(
    seed: number,
    private readonly villages: string[],
    private readonly userId: string,
  ) {
    this.rnd = new Random(seed);
  }

  /** A moment in 2025–2026, often close to midnight in Beijing (16:00 UTC). */
  at(): string {
    const r = this.rnd;
    const day = Date.UTC(2025, 0, 1) + r.int(0, 700) * 86_400_000;
    const ms = r.chance(0.5) ? 16 * 3_600_000 + r.int(-2000, 2000) : r.int(0, 86_399_999);
    return new Date(day + ms).toISOString();
  }

  maybe<T>(p: number, value: () => T): T | null {
    return this.rnd.chance(p) ? value() : null;
  }

  house(): Record<string, unknown> {
    const r = this.rnd;
    const use = r.pick(USES);
    return {
      village_code: r.pick(this.villages),
      use,
      business_category: use === 'business' || use === 'mixed' ? r.pick(BUSINESS) : null,
      floors_above: r.int(1, 60),
      year_built: this.maybe(0.8, () => r.int(1900, 2026)),
      structure_type: r.pick(STRUCTURES),
      appraisal_grade: this.maybe(0.4, () => r.pick(GRADES)),
      latest_judgement: this.maybe(0.7, () => r.pick(JUDGEMENTS)),
      latest_judgement_at: this.maybe(0.7, () => this.at().slice(0, 10)),
      risk_tier: r.pick(TIERS),
      // Most houses placed (the map's cells count them), spread over some 30 km, a few not.
      ...(r.chance(0.9)
        ? { longitude: 112.9 + r.int(0, 3000) / 10_000, latitude: 23.6 + r.int(0, 3000) / 10_000 }
        : { longitude: null, latitude: null }),
    };
  }

  caseState(): Record<string, unknown> {
    const r = this.rnd;
    const status = r.pick(CASE_STATUSES);
    return {
      status,
      due_at: this.maybe(0.7, () => this.at()),
      closed_at: status === 'closed' || status === 'cancelled' ? this.at() : this.maybe(0.1, () => this.at()),
    };
  }

  caseSource(): Record<string, unknown> {
    const r = this.rnd;
    const source = r.pick(['officer', 'inspection', 'inspection', 'complaint']);
    const ref =
      source === 'inspection'
        ? this.inspections.length && r.chance(0.8)
          ? r.pick(this.inspections)
          : r.pick([randomUUID(), 'not-a-uuid'])
        : this.maybe(0.5, () => randomUUID());
    return { source, source_ref: ref };
  }

  taskState(): Record<string, unknown> {
    const r = this.rnd;
    const status = r.pick(TASK_STATUSES);
    return {
      status,
      step: r.pick(STEPS),
      due_at: this.maybe(0.7, () => this.at()),
      completed_at: status === 'completed' ? this.maybe(0.95, () => this.at()) : null,
    };
  }

  complaintState(): Record<string, unknown> {
    const r = this.rnd;
    const status = r.pick(['verifying', 'confirmed', 'unfounded']);
    return { status, category: r.pick(CATEGORIES), verified_at: status === 'verifying' ? null : this.maybe(0.95, () => this.at()) };
  }

  /** Many rows in one statement, several sharing every counted column (counted per statement). */
  async bulk(trx: Db): Promise<string> {
    const r = this.rnd;
    const house = this.house();
    const houses = Array.from({ length: r.int(2, 15) }, () => {
      const seq = ++this.seq;
      const row = r.chance(0.5) ? house : this.house();
      return { code: `${row.village_code as string}${String(seq).padStart(5, '0')}0`, seq, address: `批量路 ${seq} 号`, ...row };
    });
    await trx('buildings').insert(houses);
    this.buildings.push(...houses.map((h) => h.code));
    const at = this.at();
    const code = r.pick(this.buildings);
    const inspections = Array.from({ length: r.int(2, 15) }, () => ({
      id: randomUUID(),
      kind: r.pick(['daily', 'special']),
      building_code: code,
      region_code: code.slice(0, 12),
      inspector_id: this.userId,
      inspector_name: '测试',
      judgement: 'none',
      presence: 'near',
      inspected_at: r.chance(0.5) ? at : this.at(),
    }));
    await trx('inspections').insert(inspections);
    this.inspections.push(...inspections.map((i) => i.id));
    const state = this.caseState();
    const cases = Array.from({ length: r.int(2, 10) }, () => {
      const id = randomUUID();
      return {
        id,
        number: `T-${id.slice(0, 13)}`,
        definition_version: 1,
        building_code: r.pick(this.buildings.slice(-3)),
        region_code: code.slice(0, 12),
        category: r.pick(CATEGORIES),
        severity: 'general',
        description: '批量',
        created_at: at,
        source: 'inspection',
        source_ref: r.pick(inspections).id,
        ...(r.chance(0.5) ? state : this.caseState()),
      };
    });
    await trx('cases').insert(cases);
    this.cases.push(...cases.map((c) => c.id));
    const tasks = cases.map((c, i) => ({
      id: randomUUID(),
      case_id: c.id,
      task_no: 1,
      step: 'assign',
      element_id: 'Task_x',
      roles: ['officer'],
      region_code: c.region_code,
      case_region_code: c.region_code,
      created_at: at,
      status: 'completed',
      completed_at: i % 2 ? at : this.at(),
      due_at: null,
    }));
    await trx('tasks').insert(tasks);
    this.tasks.push(...tasks.map((t) => t.id));
    const complaints = Array.from({ length: r.int(2, 8) }, () => {
      const id = randomUUID();
      return {
        id,
        tracking_no: `TS${id.slice(0, 8)}`,
        secret_hash: 'x'.repeat(64),
        building_code: code,
        region_code: code.slice(0, 12),
        description: '批量',
        verify_due_at: at,
        client_hash: 'c'.repeat(64),
        created_at: at,
        status: 'confirmed',
        category: 'other',
        verified_at: at,
      };
    });
    await trx('complaints').insert(complaints);
    this.complaints.push(...complaints.map((c) => c.id));
    if (r.chance(0.3)) {
      // And many rows removed in one statement.
      const gone = await trx('tasks')
        .whereIn('id', this.tasks.slice(0, r.int(1, 10)))
        .delete()
        .returning('id');
      const ids = new Set(gone.map((t: { id: string }) => t.id));
      this.tasks = this.tasks.filter((t) => !ids.has(t));
    }
    return 'bulk';
  }

  async step(trx: Db): Promise<string> {
    const r = this.rnd;
    const op = r.int(0, 23);
    if (op >= 22) return this.bulk(trx);
    if (op <= 2 || this.buildings.length < 3) {
      const house = this.house();
      const seq = ++this.seq;
      const code = `${house.village_code as string}${String(seq).padStart(5, '0')}0`;
      await trx('buildings').insert({ code, seq, address: `测试路 ${seq} 号`, ...house });
      this.buildings.push(code);
      return 'building+';
    }
    if (op <= 5) {
      const code = r.pick(this.buildings);
      const house = this.house();
      const changed = Object.fromEntries(Object.entries(house).filter(() => r.chance(0.4)));
      if (Object.keys(changed).length === 0) changed.risk_tier = r.pick(TIERS);
      await trx('buildings').where({ code }).update(changed);
      return 'building~';
    }
    if (op === 6) {
      // Many houses in one statement.
      await trx('buildings')
        .whereIn('code', this.buildings.slice(0, r.int(1, this.buildings.length)))
        .update({ risk_tier: r.pick(TIERS) });
      return 'buildings~';
    }
    if (op <= 8) {
      const id = randomUUID();
      const code = r.pick(this.buildings);
      await trx('inspections').insert({
        id,
        kind: r.pick(['daily', 'special']),
        building_code: code,
        region_code: code.slice(0, 12),
        inspector_id: this.userId,
        inspector_name: '测试',
        judgement: r.pick(JUDGEMENTS),
        presence: 'near',
        inspected_at: this.at(),
      });
      this.inspections.push(id);
      return 'inspection+';
    }
    if (op === 9 && this.inspections.length) {
      const id = r.pick(this.inspections);
      if (r.chance(0.2)) {
        await trx('inspections').where({ id }).delete();
        this.inspections = this.inspections.filter((i) => i !== id);
        return 'inspection-';
      }
      await trx('inspections')
        .where({ id })
        .update(r.chance(0.5) ? { kind: r.pick(['daily', 'special']) } : { inspected_at: this.at() });
      return 'inspection~';
    }
    if (op <= 12) {
      const code = r.pick(this.buildings);
      const id = randomUUID();
      await trx('cases').insert({
        id,
        number: `T-${id.slice(0, 13)}`,
        definition_version: 1,
        building_code: code,
        region_code: r.chance(0.9) ? code.slice(0, 12) : r.pick(this.villages),
        category: r.pick(CATEGORIES),
        severity: r.pick(['serious', 'general']),
        description: '测试',
        created_at: this.at(),
        ...this.caseSource(),
        ...this.caseState(),
      });
      this.cases.push(id);
      return 'case+';
    }
    if (op <= 15 && this.cases.length) {
      const id = r.pick(this.cases);
      const which = r.int(0, 6);
      const change =
        which <= 2
          ? this.caseState()
          : which === 3
            ? { category: r.pick(CATEGORIES), severity: r.pick(['serious', 'general']) }
            : which === 4
              ? this.caseSource()
              : which === 5
                ? { building_code: r.pick(this.buildings), region_code: r.pick(this.villages) }
                : { last_seq: r.int(1, 50), description: '只改了不计数的列' };
      await trx('cases').where({ id }).update(change);
      return 'case~';
    }
    if (op === 16 && this.cases.length) {
      const id = r.pick(this.cases);
      await trx('case_escalations').where({ case_id: id }).delete();
      await trx('complaints').where({ case_id: id }).update({ case_id: null });
      await trx('cases').where({ id }).delete();
      this.cases = this.cases.filter((c) => c !== id);
      this.escalations = this.escalations.filter((e) => e.caseId !== id);
      this.tasks = [];
      const left = await trx('tasks').select('id');
      this.tasks = left.map((t: { id: string }) => t.id);
      return 'case-';
    }
    if (op === 17 && this.cases.length) {
      const caseId = r.pick(this.cases);
      if (r.chance(0.7)) {
        const no = this.escalations.filter((e) => e.caseId === caseId).length + 1;
        await trx('case_escalations').insert({ case_id: caseId, no, reason: 'overdue', reason_text: '逾期', requested_at: this.at() });
        this.escalations.push({ caseId, no });
        return 'escalation+';
      }
      const mine = this.escalations.filter((e) => e.caseId === caseId);
      if (!mine.length) return 'nothing';
      const last = mine[mine.length - 1]!;
      if (r.chance(0.5)) {
        await trx('case_escalations').where({ case_id: caseId, no: last.no }).delete();
        this.escalations = this.escalations.filter((e) => e !== last);
        return 'escalation-';
      }
      await trx('case_escalations').where({ case_id: caseId, no: last.no }).update({ requested_at: this.at(), status: 'accepted' });
      return 'escalation~';
    }
    if (op === 18 && this.cases.length) {
      const caseId = r.pick(this.cases);
      const c = await trx('cases').where({ id: caseId }).first('region_code');
      if (!c) return 'nothing';
      const id = randomUUID();
      await trx('tasks').insert({
        id,
        case_id: caseId,
        task_no: r.int(1, 1_000_000),
        element_id: 'Task_x',
        roles: ['officer'],
        region_code: c.region_code,
        case_region_code: c.region_code,
        created_at: this.at(),
        ...this.taskState(),
      });
      this.tasks.push(id);
      return 'task+';
    }
    if (op === 19 && this.tasks.length) {
      const id = r.pick(this.tasks);
      if (r.chance(0.15)) {
        await trx('tasks').where({ id }).delete();
        this.tasks = this.tasks.filter((t) => t !== id);
        return 'task-';
      }
      await trx('tasks')
        .where({ id })
        .update(r.chance(0.8) ? this.taskState() : { created_at: this.at(), case_region_code: r.pick(this.villages) });
      return 'task~';
    }
    if (op === 20) {
      const id = randomUUID();
      const code = r.pick(this.buildings);
      await trx('complaints').insert({
        id,
        tracking_no: `TS${id.slice(0, 8)}`,
        secret_hash: 'x'.repeat(64),
        building_code: code,
        region_code: code.slice(0, 12),
        description: '测试',
        verify_due_at: this.at(),
        client_hash: 'c'.repeat(64),
        created_at: this.at(),
        ...this.complaintState(),
      });
      this.complaints.push(id);
      return 'complaint+';
    }
    if (this.complaints.length) {
      const id = r.pick(this.complaints);
      if (r.chance(0.15)) {
        await trx('complaints').where({ id }).delete();
        this.complaints = this.complaints.filter((c) => c !== id);
        return 'complaint-';
      }
      await trx('complaints')
        .where({ id })
        .update(r.chance(0.8) ? this.complaintState() : { created_at: this.at(), region_code: r.pick(this.villages) });
      return 'complaint~';
    }
    return 'nothing';
  }
}

async function villages(db: Db): Promise<string[]> {
  const rows = await db('regions').where('level', db('regions').max('level')).orderBy('code').limit(6).select('code');
  return rows.map((r: { code: string }) => r.code);
}

test('random writes of the raw rows, as the application role, keep every summary equal to a recount', async () => {
  const seed = Number(process.env.STATS_SEED ?? Date.now() % 1_000_000);
  console.log(`statistics random writes: STATS_SEED=${seed}`);
  const user = await database.db('users').first('id');
  const writer = new RawWriter(seed, await villages(database.db), user.id);
  const ops: Record<string, number> = {};
  for (let batch = 0; batch < 40; batch++) {
    // Some batches in one transaction, some as separate statements; some transactions rolled back.
    const rollback = batch % 7 === 3;
    const apply = async (trx: Db) => {
      for (let i = 0; i < 25; i++) {
        const op = await writer.step(trx);
        ops[op] = (ops[op] ?? 0) + 1;
      }
    };
    if (batch % 2) await apply(database.appDb);
    else {
      await database.appDb
        .transaction(async (trx) => {
          await apply(trx);
          if (rollback) throw new Error('rollback');
        })
        .catch((error: Error) => {
          if (error.message !== 'rollback') throw error;
        });
      if (rollback) {
        // The writer's lists may name rows the rollback took away: read them again.
        writer.buildings = (await database.db('buildings').select('code')).map((r: { code: string }) => r.code);
        writer.cases = (await database.db('cases').select('id')).map((r: { id: string }) => r.id);
        writer.tasks = (await database.db('tasks').select('id')).map((r: { id: string }) => r.id);
        writer.complaints = (await database.db('complaints').select('id')).map((r: { id: string }) => r.id);
        writer.inspections = (await database.db('inspections').select('id')).map((r: { id: string }) => r.id);
        writer.escalations = (await database.db('case_escalations').select('case_id', 'no')).map((r: { case_id: string; no: number }) => ({
          caseId: r.case_id,
          no: r.no,
        }));
      }
    }
    assert.deepEqual(await statisticsDifferences(database.appDb), [], `after batch ${batch} (STATS_SEED=${seed})`);
  }
  console.log(`operations: ${JSON.stringify(ops)}`);
  const counts = await database.db
    .raw(`SELECT (SELECT count(*) FROM stats_cases)::int AS cases, (SELECT count(*) FROM stats_daily)::int AS daily,
    (SELECT count(*) FROM stats_step_days)::int AS steps, (SELECT count(*) FROM stats_houses)::int AS houses`);
  const c = counts.rows[0];
  assert.ok(c.cases > 10 && c.daily > 10 && c.steps > 0 && c.houses > 10, JSON.stringify(c));
});

test('a rebuild of a consistent database writes the same rows; of a damaged one, repairs it', async () => {
  const before = await statisticsSnapshot(database.db);
  assert.ok(before.stats_daily!.length > 0);
  const lines: string[] = [];
  const report = await rebuildStatistics(database.appDb, (line) => lines.push(line));
  assert.deepEqual(await statisticsSnapshot(database.db), before);
  assert.ok(lines.some((l) => l.startsWith('stats_cases: ')));
  assert.equal(report.rows.stats_daily, before.stats_daily!.length);

  await database.db.raw(`UPDATE stats_daily SET n = n + 1 WHERE ctid = (SELECT min(ctid) FROM stats_daily)`);
  await database.db.raw(`DELETE FROM stats_cases WHERE ctid = (SELECT min(ctid) FROM stats_cases)`);
  await database.db.raw(`INSERT INTO stats_step_days VALUES ('441802000000', '2020-01-01', 'nowhere', 1, false, 0)`);
  await database.db.raw(`UPDATE buildings SET open_cases = open_cases + 1 WHERE code = (SELECT min(code) FROM buildings)`);
  const differences = await statisticsDifferences(database.appDb);
  assert.deepEqual(differences.map((d) => d.table).sort(), ['buildings.open_cases', 'stats_cases', 'stats_daily', 'stats_step_days']);
  const zero = differences.find((d) => d.table === 'stats_step_days')!;
  assert.deepEqual([zero.expected, zero.actual, zero.key.step], [null, 0, 'nowhere']);

  await rebuildStatistics(database.appDb);
  assert.deepEqual(await statisticsDifferences(database.appDb), []);
  assert.deepEqual(await statisticsSnapshot(database.db), before);
});

/** Resolves once `work` is waiting for a lock (still pending after a while), or fails if it finished. */
async function blocked(work: Promise<unknown>, what: string): Promise<void> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(settled, false, `${what} waits for the other transaction`);
}

test('a house edit and a case written at the same moment: the case is counted with the house as it ends up, in either order', async () => {
  const db = database.appDb;
  const [village] = await villages(database.db);
  const code = `${village}999990`;
  await db('buildings').insert({
    code,
    village_code: village,
    seq: 99999,
    address: '并发路 1 号',
    floors_above: 2,
    structure_type: 'timber',
    use: 'rental',
  });
  const newCase = (id: string) => ({
    id,
    number: `C-${id.slice(0, 13)}`,
    definition_version: 1,
    building_code: code,
    region_code: village,
    category: 'foundation',
    severity: 'general',
    description: '并发',
  });
  const tiers = ['red', 'orange', 'yellow', 'green'];
  let tier = 0;
  const edit = (trx: Db) =>
    trx('buildings')
      .where({ code })
      .update({ risk_tier: tiers[tier++ % 4] });
  const existing = randomUUID();
  await db('cases').insert(newCase(existing));

  // The house edited first, then a new case and a step of an existing case while the edit is uncommitted.
  for (const second of ['insert', 'step'] as const) {
    const houseEdit = await db.transaction();
    const caseWrite = await db.transaction();
    try {
      await edit(houseEdit);
      // A promise, not the query builder: a builder runs its query again each time it is awaited.
      const written = (async () => {
        if (second === 'insert') await caseWrite('cases').insert(newCase(randomUUID()));
        else
          await caseWrite('cases')
            .where({ id: existing })
            .update({ status: tier % 2 ? 'assigning' : 'rectifying' });
      })();
      await blocked(written, `a case ${second} after an uncommitted house edit`);
      await houseEdit.commit();
      await written;
      await caseWrite.commit();
    } finally {
      if (!houseEdit.isCompleted()) await houseEdit.rollback();
      if (!caseWrite.isCompleted()) await caseWrite.rollback();
    }
    assert.deepEqual(await statisticsDifferences(db), [], `house edit, then case ${second}`);
  }

  // A new case and a case step first, then the house edit while they are uncommitted.
  for (const first of ['insert', 'step'] as const) {
    const caseWrite = await db.transaction();
    const houseEdit = await db.transaction();
    try {
      if (first === 'insert') await caseWrite('cases').insert(newCase(randomUUID()));
      else
        await caseWrite('cases')
          .where({ id: existing })
          .update({ status: tier % 2 ? 'controlling' : 'closing' });
      const edited = (async () => await edit(houseEdit))();
      await blocked(edited, `a house edit after an uncommitted case ${first}`);
      await caseWrite.commit();
      await edited;
      await houseEdit.commit();
    } finally {
      if (!houseEdit.isCompleted()) await houseEdit.rollback();
      if (!caseWrite.isCompleted()) await caseWrite.rollback();
    }
    assert.deepEqual(await statisticsDifferences(db), [], `case ${first}, then house edit`);
  }
});
