/**
 * The statistics summaries (issue 17 §1) against a recount of the raw rows, after a seeded random mix of
 * what the platform really does: houses registered and edited across every dimension, daily and
 * campaign (special) inspections, complaints confirmed and unfounded, cases registered and driven to
 * closed, cancelled, left to go overdue and escalate (one definition day lasts two seconds). Then a
 * rebuild on the populated database writes exactly the rows the triggers kept.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  RAW_TABLES,
  STATISTICS_TABLES,
  rebuildStatistics,
  statisticsDifferences,
  statisticsSnapshot,
} from '../../domain/statistics/rebuild.ts';
import { STATISTICS_COMPACTION_SCHEDULE_ID } from '../../workers/schedules.ts';
import { beijingDate } from '../../domain/time.ts';
import { startSupervisionSimulator } from '../../tools/supervision-sim/simulator.ts';
import { Random } from '../../tools/synthetic/random.ts';
import { ASSIGN_FORM, createHouse, upload, waitForCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { ApiClient, loggedIn } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

const SECRET = 'whsec_dGVzdC1zdGF0aXN0aWNzLXJvbGx1cC0xMjM0NTY=';
const DAY_SECONDS = 2;
const MINE = '441802006001';
const OTHER = '441802006002';
const CATEGORIES = ['foundation', 'structure_damage', 'illegal_addition', 'use_change', 'ancillary', 'other'];
const BUSINESS = ['catering', 'lodging', 'retail'];
const STRUCTURES = ['brick_concrete', 'reinforced_concrete', 'brick_timber'];

let stack: Stack;
let sim: Awaited<ReturnType<typeof startSupervisionSimulator>>;
let officer: ApiClient;
let town: ApiClient;
let inspector: ApiClient;
let citizen: ApiClient;

before(async () => {
  sim = await startSupervisionSimulator({ port: 0, secret: SECRET, autoAcknowledgeMs: 0 });
  stack = await startStack({
    SUPERVISION_URL: sim.url,
    SUPERVISION_SECRET: SECRET,
    CASE_DAY_SECONDS: String(DAY_SECONDS),
    COMPLAINTS_PER_HOUR: '1000',
    COMPLAINTS_PER_PHONE: '1000',
  });
  officer = await loggedIn(stack.baseUrl, 'officer');
  town = await loggedIn(stack.baseUrl, 'town');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  citizen = new ApiClient(stack.baseUrl);
});
after(async () => {
  try {
    await recordHistoriesThenStop(stack, 'statistics-rollup');
  } finally {
    await sim?.close();
  }
});

type House = { code: string; village: string };

/** The platform's events, drawn from a seed. */
class Events {
  houses: House[] = [];
  cases: string[] = [];
  readonly done: Record<string, number> = {};

  constructor(private readonly r: Random) {}

  private count(what: string) {
    this.done[what] = (this.done[what] ?? 0) + 1;
  }

  async house(over: Record<string, unknown> = {}): Promise<House> {
    const r = this.r;
    const village = r.chance(0.75) ? MINE : OTHER;
    const use = r.pick(['own_home', 'rental', 'business', 'mixed']);
    const code = await createHouse(officer, {
      villageCode: village,
      address: `凤城街道统计路 ${this.houses.length + 1} 号`,
      use,
      businessCategory: use === 'business' || use === 'mixed' ? r.pick(BUSINESS) : null,
      floorsAbove: r.int(1, 8),
      yearBuilt: r.chance(0.8) ? r.int(1960, 2025) : null,
      structureType: r.pick(STRUCTURES),
      ...over,
    });
    const house = { code, village: (over.villageCode as string | undefined) ?? village };
    this.houses.push(house);
    this.count('house registered');
    return house;
  }

  async edit(): Promise<void> {
    const r = this.r;
    const { code } = r.pick(this.houses);
    const now = await officer.get<{ version: number; use: string }>(`/api/buildings/by-code/${code}`);
    assert.equal(now.status, 200, JSON.stringify(now.body));
    const change: Record<string, unknown> = { version: now.body.version };
    const which = r.int(0, 5);
    if (which === 0) {
      const use = r.pick(['own_home', 'rental', 'business', 'mixed']);
      Object.assign(change, { use, businessCategory: use === 'business' || use === 'mixed' ? r.pick(BUSINESS) : null });
    } else if (which === 1) change.floorsAbove = r.int(1, 12);
    else if (which === 2) change.yearBuilt = r.chance(0.2) ? null : r.int(1950, 2025);
    else if (which === 3) change.appraisalGrade = r.pick(['A', 'B', 'C', 'D', null]);
    else if (which === 4) {
      const judged = r.chance(0.8);
      const day = beijingDate(new Date(Date.now() - r.int(0, 400) * 86_400_000).toISOString());
      Object.assign(change, {
        latestJudgement: judged ? r.pick(['serious', 'some', 'none']) : null,
        latestJudgementAt: judged ? day : null,
      });
    } else change.structureType = r.pick(STRUCTURES);
    const edited = await officer.patch<{ error?: { code: string } }>(`/api/buildings/${code}`, change);
    // A house with an open case takes its judgement from the case: the registry refuses to set it.
    if (edited.status === 422 && edited.body.error?.code === 'STATE_FROM_CASES') return this.count('house edit refused');
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    this.count('house edited');
  }

  async inspect(hazard: boolean, house?: House): Promise<{ kind: string }> {
    const r = this.r;
    const target = house ?? r.pick(this.houses.filter((h) => h.village === MINE));
    const sent = await inspector.post<{ kind: string; hazards: { caseId: string | null }[] }>('/api/inspections', {
      id: randomUUID(),
      buildingCode: target.code,
      judgement: hazard ? r.pick(['serious', 'some']) : 'none',
      hazards: hazard ? [{ category: r.pick(CATEGORIES), description: '巡查发现的隐患' }] : [],
      fileIds: [],
      position: null,
      inspectedAt: new Date(Date.now() - r.int(0, 3) * 3_600_000).toISOString(),
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    for (const h of sent.body.hazards) if (h.caseId && !this.cases.includes(h.caseId)) this.cases.push(h.caseId);
    this.count(`inspection ${sent.body.kind}`);
    return sent.body;
  }

  async complaint(): Promise<void> {
    const r = this.r;
    const { code } = r.pick(this.houses.filter((h) => h.village === MINE));
    const filed = await citizen.post<{ trackingNo: string }>('/api/public/complaints', {
      buildingCode: code,
      category: r.pick(CATEGORIES),
      description: '房屋外墙出现裂缝，担心安全',
      fileIds: [],
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const list = await inspector.get<{ data: { id: string }[] }>(`/api/complaints?trackingNo=${filed.body.trackingNo}`);
    const id = list.body.data[0]?.id;
    assert.ok(id, JSON.stringify(list.body));
    const outcome = r.pick(['confirmed', 'unfounded', 'verifying']);
    if (outcome !== 'verifying') {
      const verified = await inspector.post<{ caseId: string | null }>(
        `/api/complaints/${id}/verify`,
        outcome === 'confirmed'
          ? { result: 'confirmed', severity: r.pick(['serious', 'general']), reply: '属实，已立案' }
          : { result: 'unfounded', reply: '经核实不属实' },
      );
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      if (verified.body.caseId && !this.cases.includes(verified.body.caseId)) this.cases.push(verified.body.caseId);
    }
    this.count(`complaint ${outcome}`);
  }

  async register(): Promise<void> {
    const r = this.r;
    const { code } = r.pick(this.houses);
    const c = await officer.post<CaseInfo>('/api/cases', {
      buildingCode: code,
      category: r.pick(CATEGORIES),
      severity: r.pick(['serious', 'general']),
      description: '人工登记的隐患',
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    this.cases.push(c.body.id);
    this.count('case registered');
  }

  /** One step of a random open case of the inspector's village (the only one its inspector may work). */
  async work(): Promise<void> {
    const r = this.r;
    const open: CaseInfo[] = [];
    for (const id of this.cases) {
      const c = (await officer.get<CaseInfo & { buildingCode: string }>(`/api/cases/${id}`)).body;
      if (c.openTasks.length && c.buildingCode.startsWith(MINE)) open.push(c);
    }
    if (!open.length) return;
    const c = r.pick(open);
    await step(c, r);
    this.count('case step');
  }

  async cancel(): Promise<void> {
    const id = this.r.pick(this.cases);
    const c = (await officer.get<CaseInfo>(`/api/cases/${id}`)).body;
    if (c.status === 'closed' || c.status === 'cancelled') return;
    const r = await officer.post<CaseInfo>(`/api/cases/${id}/cancel`, { reason: '经核实为误报' });
    assert.ok(r.status === 200 || r.status === 409, JSON.stringify(r.body));
    if (r.status === 200) this.count('case cancelled');
  }
}

/** Completes the case's first open task as the role that works it. */
async function step(c: CaseInfo, r: Random): Promise<CaseInfo> {
  const task = c.openTasks[0];
  assert.ok(task, `case ${c.id} has no open task`);
  const photo = () => upload(inspector, c.id);
  const [client, form]: [ApiClient, Record<string, unknown>] =
    task.step === 'assign'
      ? [town, ASSIGN_FORM]
      : task.step === 'control'
        ? [inspector, { measuresTaken: ['stopped_use', 'warning_sign'], fileIds: [await photo()] }]
        : task.step === 'rectify'
          ? [inspector, { description: '已整改', fileIds: [await photo()] }]
          : task.step === 'recheck'
            ? [town, r.chance(0.2) ? { result: 'fail', reasons: '仍有裂缝', fileIds: [await upload(town, c.id)] } : { result: 'pass' }]
            : task.step === 'close'
              ? [town, { signRemoved: true, appraisalGrade: r.pick(['A', 'B']) }]
              : [officer, { action: 'resent', note: '补充材料后重新上报' }];
  const done = await client.post<CaseInfo>(`/api/tasks/${task.id}/complete`, { form });
  // A deadline's escalation may have moved the case meanwhile: the next round takes it as it is.
  assert.ok(done.status === 200 || done.status === 409, JSON.stringify(done.body));
  return done.body;
}

test('a seeded random mix of platform events leaves every summary equal to a recount of the raw rows', async () => {
  const seed = Number(process.env.STATS_SEED ?? Date.now() % 1_000_000);
  console.log(`statistics rollup: STATS_SEED=${seed}`);
  const r = new Random(seed);
  const events = new Events(r);

  for (let i = 0; i < 8; i++) await events.house();
  // Business houses of three floors or more in the inspector's village: a campaign's special inspections.
  const targets = [
    await events.house({ villageCode: MINE, use: 'business', businessCategory: 'catering', floorsAbove: 3 }),
    await events.house({ villageCode: MINE, use: 'business', businessCategory: 'lodging', floorsAbove: 4 }),
  ];
  const campaign = await officer.post<{ id: string }>('/api/campaigns', {
    name: '统计测试专项排查',
    regionCode: '441802006',
    filters: { use: 'business', minFloors: 3 },
    assigneeRole: 'inspector',
    dueAt: new Date(Date.now() + 3600_000).toISOString(),
    remindDaysBefore: 0,
  });
  assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
  for (const house of targets) assert.equal((await events.inspect(true, house)).kind, 'special');
  // One case registered by an officer whatever the draw (seed 425909 drew none in 70 events).
  await events.register();

  for (let i = 0; i < 70; i++) {
    const op = r.int(0, 19);
    if (op <= 1) await events.house();
    else if (op <= 4) await events.edit();
    else if (op <= 7) await events.inspect(r.chance(0.6));
    else if (op <= 9) await events.complaint();
    else if (op <= 11) await events.register();
    else if (op <= 18) await events.work();
    else await events.cancel();
  }
  // Drive some cases to the end, so closed cases and every step's durations are counted.
  for (const id of events.cases.slice(0, 6)) {
    for (let k = 0; k < 12; k++) {
      const c = (await officer.get<CaseInfo & { buildingCode: string }>(`/api/cases/${id}`)).body;
      if (!c.openTasks.length || !c.buildingCode.startsWith(MINE)) break;
      await step(c, r);
    }
  }
  // Cases left at their assign step go overdue and escalate (their deadline is a definition day).
  const waiting = events.cases.at(-1) as string;
  await waitForCase(officer, waiting, (c) => c.escalations.length > 0 || c.status === 'closed' || c.status === 'cancelled', 30_000);
  console.log(`events: ${JSON.stringify(events.done)}`);

  assert.deepEqual(await statisticsDifferences(stack.db), [], `STATS_SEED=${seed}`);

  // Not vacuous: the summaries hold what the raw rows say, by every kind of event.
  const sums = (
    await stack.db.raw(`SELECT metric || ':' || origin AS k, sum(n)::int AS n FROM stats_daily GROUP BY 1 ORDER BY 1`)
  ).rows.reduce((m: Record<string, number>, row: { k: string; n: number }) => ({ ...m, [row.k]: row.n }), {} as Record<string, number>);
  const raw = (
    await stack.db.raw(`SELECT
      (SELECT count(*) FROM cases WHERE status <> 'cancelled')::int AS found,
      (SELECT count(*) FROM cases WHERE status = 'closed')::int AS closed,
      (SELECT count(*) FROM inspections WHERE kind = 'special')::int AS special,
      (SELECT count(*) FROM complaints WHERE status = 'confirmed')::int AS confirmed,
      (SELECT count(*) FROM case_escalations WHERE no = 1)::int AS escalated,
      (SELECT count(*) FROM tasks WHERE status = 'completed')::int AS steps,
      (SELECT count(*) FROM buildings)::int AS houses,
      (SELECT count(*) FROM cases WHERE status NOT IN ('closed', 'cancelled') AND due_at < now())::int AS overdue`)
  ).rows[0];
  const total = (metric: string) => Object.entries(sums).reduce((n, [k, v]) => (k.startsWith(`${metric}:`) ? n + (v as number) : n), 0);
  assert.equal(total('found'), raw.found);
  assert.equal(total('closed'), raw.closed);
  assert.equal(total('escalated'), raw.escalated);
  assert.equal(sums['inspection:special'], raw.special);
  assert.equal(total('complaint_confirmed'), raw.confirmed);
  assert.ok(raw.closed > 0 && raw.special >= 2 && raw.escalated > 0 && raw.steps > 0 && raw.overdue > 0, JSON.stringify(raw));
  const houses = (await stack.db.raw('SELECT sum(n)::int AS n FROM stats_houses')).rows[0].n;
  assert.equal(houses, raw.houses);
  const origins = (await stack.db.raw('SELECT DISTINCT origin FROM stats_cases ORDER BY 1')).rows.map((x: { origin: string }) => x.origin);
  for (const origin of ['daily', 'officer', 'special']) assert.ok(origins.includes(origin), `origins ${origins.join(', ')}`);
  const steps = (await stack.db.raw('SELECT sum(n)::int AS n FROM stats_step_days')).rows[0].n;
  assert.equal(steps, raw.steps);

  // The schedule folds the level tables' deltas (it also ran every minute during the mix); the sums stay right.
  // Cases left open keep escalating meanwhile (a definition day is two seconds), so deltas written after
  // the triggered fold may stay pending until the next one: what must be folded is every delta committed
  // before the trigger, told by its xmin against a snapshot taken then (xid widened with the current epoch).
  const levels = STATISTICS_TABLES.filter((t) => t.startsWith('stats_level_'));
  const pending = async (before?: string) =>
    Number(
      (
        await stack.db.raw(
          `SELECT ${levels
            .map(
              (t) =>
                `(SELECT count(*) FROM ${t} WHERE pending${
                  before
                    ? ` AND pg_visible_in_snapshot(((pg_current_xact_id()::text::bigint >> 32 << 32) | xmin::text::bigint)::text::xid8, CAST(:before AS pg_snapshot))`
                    : ''
                })`,
            )
            .join(' + ')} AS n`,
          before ? { before } : {},
        )
      ).rows[0].n,
    );
  const compaction = stack.temporal.client.schedule.getHandle(STATISTICS_COMPACTION_SCHEDULE_ID);
  await compaction.pause('the test folds when it asks');
  await events.house();
  const snapshot = (await stack.db.raw('SELECT pg_current_snapshot()::text AS s')).rows[0].s as string;
  assert.ok((await pending(snapshot)) > 0, 'a new house left deltas to fold');
  await compaction.trigger();
  const until = Date.now() + 30_000;
  while ((await pending(snapshot)) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 250));
  assert.equal(await pending(snapshot), 0, 'the compaction schedule folded every delta written before it was triggered');
  await compaction.unpause();
  assert.deepEqual(await statisticsDifferences(stack.db), [], `STATS_SEED=${seed}, after the fold`);

  // A rebuild on the populated database writes exactly the rows the triggers kept. The raw tables are
  // locked against writes around it, so an escalation landing meanwhile cannot make the two differ.
  await stack.db.transaction(async (trx) => {
    await trx.raw(`LOCK TABLE ${RAW_TABLES.join(', ')} IN SHARE MODE`);
    const kept = await statisticsSnapshot(trx);
    await rebuildStatistics(trx);
    assert.deepEqual(await statisticsSnapshot(trx), kept);
  });
});
