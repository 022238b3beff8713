/**
 * `npm run bench:stats [-- --scale 0.1 --users 10 --seconds 20 --step-cases 200 --fresh]`: the statistics
 * model's speed figures on this machine, each beside a baseline doing comparable work in the same run:
 *  1. the dataset (full scale: 260,000 houses, 1,000,000 inspections, 100,000 cases, 50,000 complaints
 *     over two years, tools/synthetic/statistics-dataset.ts) written with the summary triggers off, then
 *     the full rebuild of the summaries, timed;
 *  2. the cockpit's requests (overview, children, trends, funnel, home) through the real API at 10
 *     concurrent users (district officer, town officer, inspector), p50/p95/p99, beside the same figures
 *     recounted per page by GROUP BY over the raw tables (bench/stats-recount.ts) at the same concurrency;
 *  3. pivot requests with varied rows, columns and measures, the same way;
 *  4. the cost of keeping the summaries current on a case step: the worker's own activity
 *     (applyCaseTransition) applied to fresh cases, five steps each, with the summary triggers enabled
 *     and disabled in alternating slices, CPU of the PostgreSQL backend per step.
 * The database (`ydym_bench_stats_<houses>`) is kept between runs and reused when its dataset has the
 * same size; `--fresh` drops it first, `--drop` drops it at the end.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { createDb, dropDatabase } from '../domain/db.ts';
import type { Db } from '../domain/db.ts';
import { runMain } from '../domain/run-main.ts';
import { DatabaseCaseStore } from '../domain/cases/database-store.ts';
import type { Transition } from '../domain/cases/transition.ts';
import type { Config } from '../domain/config.ts';
import { createCaseActivities } from '../workers/activities/cases.ts';
import { CaseNotifier } from '../domain/notifications/case-notices.ts';
import { DatabaseCaseFacts } from '../domain/notifications/database-case-facts.ts';
import { DatabaseNotificationStore } from '../domain/notifications/database-store.ts';
import { DatabaseSmsStore } from '../domain/sms/database-store.ts';
import type { CaseActivityDeps } from '../workers/activities/cases.ts';
import { scaledSize } from '../tools/synthetic/statistics-dataset.ts';
import { STATISTICS_TABLES, rebuildStatistics } from '../domain/statistics/rebuild.ts';
import { addMonths, monthEnd } from '../domain/statistics/period.ts';
import type { Overview } from '../domain/statistics/api.ts';
import { closeSend, send } from './http.ts';
import { RAW_TABLES, flag, loadDataset, openDatabase, serveApi } from './stats-database.ts';
import { processCpuSeconds } from './processes.ts';
import { arg, closedLoop, forSeconds, percentile, say } from './cli.ts';
import type { Sample } from './cli.ts';
import { recountChildren, recountFunnel, recountHome, recountOverview, recountPivot, recountTrends } from './stats-recount.ts';
import type { Page, PivotQuery } from './stats-recount.ts';

/** The statistics triggers on the raw tables (not the append-only guards or other rules' triggers). */
async function summaryTriggers(db: Db): Promise<{ table: string; name: string }[]> {
  const r = await db.raw(
    `SELECT c.relname AS table, t.tgname AS name
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
     WHERE NOT t.tgisinternal AND c.relname = ANY (?) AND (t.tgname LIKE '%stats%' OR p.proname LIKE '%stats%')
     ORDER BY 1, 2`,
    [RAW_TABLES],
  );
  return r.rows as { table: string; name: string }[];
}

async function setTriggers(db: Db, triggers: { table: string; name: string }[], on: boolean): Promise<void> {
  for (const t of triggers) await db.raw(`ALTER TABLE ?? ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ??`, [t.table, t.name]);
}

function summary(samples: Sample[]) {
  const ms = samples.map((s) => s.ms);
  return {
    n: samples.length,
    errors: samples.filter((s) => !s.ok).length,
    p50: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    p99: percentile(ms, 0.99),
  };
}
const byLabel = (samples: Sample[]) => {
  const groups = new Map<string, Sample[]>();
  for (const s of samples) groups.set(s.label, [...(groups.get(s.label) ?? []), s]);
  return groups;
};

/** Today's Beijing calendar date. */
const beijingDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

runMain('bench:stats', async () => {
  const scale = arg('scale', 1);
  const users = arg('users', 10);
  const seconds = arg('seconds', 20);
  const stepCases = arg('step-cases', 200);
  const size = scaledSize(scale);
  const startLoad = loadavg()[0] ?? 0;
  say(
    `bench:stats: ${size.houses} houses, ${size.inspections} inspections, ${size.cases} cases, ${size.complaints} complaints (scale ${scale}); ` +
      `${users} users; this machine: ${cpus().length} cores`,
  );
  const database = await openDatabase(size);
  const { db } = database;
  const figures: string[] = [];
  const row = (figure: string, platform: string, baseline: string, ratio: string, target: string) =>
    figures.push(`| ${figure} | ${platform} | ${baseline} | ${ratio} | ${target} |`);
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  const stops: (() => void | Promise<void>)[] = [];
  try {
    // 1. The dataset, written as the workflows would leave it, with every trigger of the raw tables off
    // (the summaries are rebuilt after), then the full rebuild, timed.
    await loadDataset(database, size);
    const counts = (
      await db.raw(
        `SELECT (SELECT count(*) FROM buildings) AS houses, (SELECT count(*) FROM inspections) AS inspections,
                (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM tasks) AS tasks,
                (SELECT count(*) FROM complaints) AS complaints`,
      )
    ).rows[0] as Record<string, number>;
    say(
      `  rows: ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );

    say('full rebuild of the summaries…');
    const rebuildStarted = performance.now();
    await rebuildStatistics(db);
    const rebuildMs = performance.now() - rebuildStarted;
    await db.raw(`VACUUM ANALYZE ${STATISTICS_TABLES.join(', ')}`);
    // The baseline of the rebuild: one plain pass over the same raw rows (count per table).
    const scanStarted = performance.now();
    await db.raw(
      `SELECT (SELECT count(*) FROM (SELECT village_code, use, risk_tier FROM buildings) b),
              (SELECT count(*) FROM (SELECT region_code, inspected_at FROM inspections) i),
              (SELECT count(*) FROM (SELECT region_code, status FROM cases) c),
              (SELECT count(*) FROM (SELECT step, completed_at FROM tasks) t),
              (SELECT count(*) FROM (SELECT region_code, status FROM complaints) p)`,
    );
    const scanMs = performance.now() - scanStarted;
    const summaryRows = (await db.raw(`SELECT ${STATISTICS_TABLES.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')} AS n`))
      .rows[0] as { n: number };
    row(
      'full rebuild of the summaries',
      `${(rebuildMs / 1000).toFixed(1)} s (${summaryRows.n} summary rows)`,
      `${(scanMs / 1000).toFixed(1)} s one pass over the raw rows`,
      ratio(rebuildMs, scanMs),
      '—',
    );
    await db.raw('CHECKPOINT');

    // 2 and 3. The cockpit and the pivot through the real API, beside the recount per page.
    const api = await serveApi(database.appUrl);
    stops.push(() => api.stop());
    const pool = new pg.Pool({ connectionString: database.appUrl, max: users, options: '-c jit=off' });
    stops.push(() => pool.end());
    const login = async (username: string) => {
      const r = await send(`${api.url}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Ydym@2026' }),
      });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
      return `Bearer ${(JSON.parse(r.text) as { token: string }).token}`;
    };
    const people = await db('users').whereIn('username', ['officer', 'town', 'inspector']).select('id', 'username', 'role', 'region_code');
    const who = Object.fromEntries(
      await Promise.all(
        (people as { id: string; username: string; role: string; region_code: string }[]).map(
          async (u) => [u.username, { id: u.id, role: u.role, region: u.region_code, auth: await login(u.username) }] as const,
        ),
      ),
    );
    // Ten users: four district officers (drilling into towns), four town officers, two inspectors.
    const towns = (
      (await db('regions').whereRaw('length(code) = 9').where('code', 'like', '441802%').orderBy('code').select('code')) as {
        code: string;
      }[]
    ).map((r) => r.code);
    const villages = (
      (await db('regions').whereRaw('length(code) = 12').where('code', 'like', '441802006%').orderBy('code').select('code')) as {
        code: string;
      }[]
    ).map((r) => r.code);
    const userOf = (u: number) => (u % 10 < 4 ? 'officer' : u % 10 < 8 ? 'town' : 'inspector');
    // Periods are whole months (the API's from/to, YYYY-MM): this month, the last 12 and the last 24.
    const month = beijingDay().slice(0, 7);
    const periods = [
      [month, month],
      [addMonths(month, -11), month],
      [addMonths(month, -23), month],
    ] as const;
    const pageOf = (u: number, i: number): Page & { fromMonth: string; toMonth: string; user: (typeof who)[string] } => {
      const user = who[userOf(u)] as (typeof who)[string];
      const [fromMonth, toMonth] = periods[i % periods.length] as readonly [string, string];
      const region =
        userOf(u) === 'officer'
          ? i % 3 === 0
            ? '441802'
            : (towns[i % towns.length] as string)
          : userOf(u) === 'town'
            ? i % 2 === 0
              ? user.region
              : (villages[i % villages.length] as string)
            : user.region;
      return { region, from: `${fromMonth}-01`, to: monthEnd(toMonth), fromMonth, toMonth, user };
    };
    const cockpit = ['overview', 'children', 'trends-week', 'trends-month', 'funnel', 'home'] as const;
    const apiPath = (kind: string, p: ReturnType<typeof pageOf>) => {
      const q = `region=${p.region}&from=${p.fromMonth}&to=${p.toMonth}`;
      if (kind === 'overview') return `/api/stats/overview?${q}&coverageDays=90`;
      if (kind.startsWith('trends')) return `/api/stats/trends?${q}&interval=${kind.slice(7)}`;
      if (kind === 'home') return '/api/stats/home';
      return `/api/stats/${kind}?${q}`;
    };
    const get = async (path: string, auth: string) => {
      const r = await send(api.url + path, { headers: { authorization: auth } });
      if (r.status !== 200 && errorsShown++ < 5) say(`  ${path}: ${r.status} ${r.text.slice(0, 200)}`);
      return r.status === 200;
    };
    let errorsShown = 0;
    const recount = (kind: string, p: ReturnType<typeof pageOf>) =>
      kind === 'overview'
        ? recountOverview(pool, p)
        : kind === 'children'
          ? recountChildren(pool, p)
          : kind.startsWith('trends')
            ? recountTrends(pool, p, kind.slice(7) as 'week' | 'month')
            : kind === 'funnel'
              ? recountFunnel(pool, p)
              : recountHome(pool, { ...p, region: p.user.region }, p.user);

    // Comparable work: the district's overview from the API and from the raw rows must agree.
    {
      const officer = who.officer as (typeof who)[string];
      const [fromMonth, toMonth] = [addMonths(month, -11), month];
      const r = await send(`${api.url}/api/stats/overview?region=441802&from=${fromMonth}&to=${toMonth}`, {
        headers: { authorization: officer.auth },
      });
      if (r.status !== 200) throw new Error(`overview: ${r.status} ${r.text.slice(0, 300)}`);
      const o = JSON.parse(r.text) as Overview;
      const raw = (
        await pool.query(
          `SELECT (SELECT count(*) FROM buildings)::int AS houses,
                  (SELECT count(*) FROM cases WHERE status NOT IN ('closed', 'cancelled'))::int AS open,
                  (SELECT count(*) FROM cases WHERE status <> 'cancelled'
                     AND (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date)::int AS found,
                  (SELECT count(*) FROM complaints
                     WHERE (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date)::int AS complaints`,
          [`${fromMonth}-01`, monthEnd(toMonth)],
        )
      ).rows[0] as Record<string, number>;
      const fromApi = {
        houses: o.houses.total.value,
        open: o.openHazards.reduce((sum, h) => sum + h.count.value, 0),
        found: o.rectification.found.value,
        complaints: o.complaints.received.value,
      };
      const differ = Object.entries(fromApi).filter(([k, v]) => raw[k] !== v);
      say(
        differ.length === 0
          ? `  the district's overview agrees with the raw rows (${Object.entries(fromApi)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')})`
          : `  the district's overview DIFFERS from the raw rows: ${differ.map(([k, v]) => `${k} ${v} ≠ ${raw[k]}`).join(', ')}`,
      );
    }
    const warmSeconds = Math.min(5, seconds / 4);
    say(`cockpit: ${users} users, ${seconds} s each for the API and the recount (after ${warmSeconds} s warm-up)…`);
    const cockpitApi = async (u: number, i: number) => {
      const kind = cockpit[(i + u) % cockpit.length] as string;
      const p = pageOf(u, i);
      return { label: kind, ok: await get(apiPath(kind, p), p.user.auth) };
    };
    const cockpitRecount = async (u: number, i: number) => {
      const kind = cockpit[(i + u) % cockpit.length] as string;
      await recount(kind, pageOf(u, i));
      return { label: kind, ok: true };
    };
    await closedLoop(users, forSeconds(warmSeconds), cockpitApi);
    await closedLoop(users, forSeconds(warmSeconds), cockpitRecount);
    const cpuBefore = { api: processCpuSeconds(api.pid) };
    const cockpitSamples = await closedLoop(users, forSeconds(seconds), cockpitApi);
    const apiCpuMs = ((processCpuSeconds(api.pid) - cpuBefore.api) * 1000) / Math.max(1, cockpitSamples.length);
    const recountSamples = await closedLoop(users, forSeconds(seconds), cockpitRecount);
    const all = summary(cockpitSamples);
    const base = summary(recountSamples);
    const fmt = (s: ReturnType<typeof summary>) =>
      `${s.p50} / ${s.p95} / ${s.p99} ms (${s.n} req${s.errors ? `, ${s.errors} errors` : ''})`;
    row(`cockpit, all requests, ${users} users (p50 / p95 / p99)`, fmt(all), fmt(base), `${ratio(all.p95, base.p95)} p95`, 'p95 < 100 ms');
    const baseByLabel = byLabel(recountSamples);
    for (const [label, samples] of byLabel(cockpitSamples)) {
      const s = summary(samples);
      const b = summary(baseByLabel.get(label) ?? []);
      row(`  ${label}`, fmt(s), fmt(b), `${ratio(s.p95, b.p95)} p95`, 'p95 < 100 ms');
    }
    row('  API process CPU per cockpit request', `${apiCpuMs.toFixed(1)} ms`, '—', '—', '—');

    const pivots: PivotQuery[] = [
      { measure: 'houses', rows: 'region', cols: 'riskTier' },
      { measure: 'houses', rows: 'use', cols: 'floorsBand' },
      { measure: 'houses', rows: 'structureType', cols: 'yearBand' },
      { measure: 'houses', rows: 'appraisalGrade', cols: 'latestJudgement' },
      { measure: 'hazardsFound', rows: 'region', cols: 'category' },
      { measure: 'hazardsFound', rows: 'riskTier', cols: 'severity' },
      { measure: 'hazardsFound', rows: 'origin', cols: 'month' },
      { measure: 'hazardsClosed', rows: 'category', cols: null },
      { measure: 'hazardsOpen', rows: 'category', cols: 'severity' },
      { measure: 'hazardsOverdue', rows: 'region', cols: 'origin' },
      { measure: 'rectificationRate', rows: 'region', cols: 'origin' },
      { measure: 'rectificationRate', rows: 'businessCategory', cols: 'structureType' },
    ];
    const pivotOf = (u: number, i: number) => ({ q: pivots[(i * 7 + u) % pivots.length] as PivotQuery, p: pageOf(u, i) });
    const pivotApi = async (u: number, i: number) => {
      const { q, p } = pivotOf(u, i);
      const path = `/api/stats/pivot?measure=${q.measure}&rows=${q.rows}${q.cols ? `&cols=${q.cols}` : ''}&region=${p.region}&from=${p.fromMonth}&to=${p.toMonth}`;
      return { label: q.measure, ok: await get(path, p.user.auth) };
    };
    const pivotRecount = async (u: number, i: number) => {
      const { q, p } = pivotOf(u, i);
      await recountPivot(pool, p, q);
      return { label: q.measure, ok: true };
    };
    say(`pivot: ${users} users, ${seconds} s each…`);
    await closedLoop(users, forSeconds(warmSeconds), pivotApi);
    await closedLoop(users, forSeconds(warmSeconds), pivotRecount);
    const pivotSamples = await closedLoop(users, forSeconds(seconds), pivotApi);
    const pivotBase = await closedLoop(users, forSeconds(seconds), pivotRecount);
    const pv = summary(pivotSamples);
    const pb = summary(pivotBase);
    row(`pivot, 12 row × column × measure choices, ${users} users`, fmt(pv), fmt(pb), `${ratio(pv.p95, pb.p95)} p95`, 'p95 < 300 ms');
    const pivotBaseByLabel = byLabel(pivotBase);
    for (const [label, samples] of byLabel(pivotSamples)) {
      const s = summary(samples);
      const b = summary(pivotBaseByLabel.get(label) ?? []);
      row(`  pivot ${label}`, fmt(s), fmt(b), `${ratio(s.p95, b.p95)} p95`, 'p95 < 300 ms');
    }
    api.stop();
    stops.pop();

    // 4. The write cost: five steps of fresh cases through the worker's activity, triggers on and off.
    const triggers = await summaryTriggers(db);
    if (triggers.length === 0) say('  (no summary triggers found on the raw tables: the two halves measure the same work)');
    say(`case steps: ${stepCases} cases × 5 steps, ${triggers.length} summary triggers on and off in alternating slices…`);
    const steps = await stepCost(db, database.appUrl, stepCases, triggers);
    row(
      'case step: PostgreSQL backend CPU per step (summaries kept / triggers off)',
      `${steps.on.backendMs.toFixed(2)} ms`,
      `${steps.off.backendMs.toFixed(2)} ms`,
      `+${(steps.on.backendMs - steps.off.backendMs).toFixed(2)} ms (${ratio(steps.on.backendMs, steps.off.backendMs)})`,
      '—',
    );
    row(
      'case step: wall time p50 / p95 (summaries kept / triggers off)',
      `${steps.on.p50} / ${steps.on.p95} ms`,
      `${steps.off.p50} / ${steps.off.p95} ms`,
      `${ratio(steps.on.p50, steps.off.p50)} p50`,
      '—',
    );
    row(
      'case step: worker process CPU per step (summaries kept / triggers off)',
      `${steps.on.clientMs.toFixed(2)} ms`,
      `${steps.off.clientMs.toFixed(2)} ms`,
      ratio(steps.on.clientMs, steps.off.clientMs),
      '—',
    );

    say('');
    say(
      `bench:stats ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), scale ${scale}, ` +
        `load average at the start ${startLoad.toFixed(1)}, at the end ${(loadavg()[0] ?? 0).toFixed(1)}`,
    );
    say('| figure | platform | baseline | ratio | target |');
    say('| --- | --- | --- | --- | --- |');
    for (const line of figures) say(line);
    say('');
    say('Methods. Cockpit and pivot: closed loops of real users (each sends its next request when the last is answered),');
    say('  through the API process with its auth, scoping and JSON; baseline: the same figures recounted per page by GROUP BY');
    say('  over the raw tables (bench/stats-recount.ts), same users, periods and regions, straight through a pg pool (no HTTP).');
    say('  Case steps: the worker activity applyCaseTransition (one transaction: apply_case_transition and, when the step moves');
    say("  the house's state, its refresh) called in this process over one connection, one step at a time, slices alternating");
    say("  summary triggers on / off (ALTER TABLE … DISABLE TRIGGER <name> as the owner); CPU is that backend's /proc user+system");
    say('  time ÷ steps, so other work on the machine is not counted. Rebuild: rebuildStatistics(db) on the whole dataset.');
  } finally {
    closeSend();
    for (const stop of stops.reverse()) await stop();
    await db.destroy();
    if (flag('drop')) await dropDatabase(database.url);
  }
});

/**
 * Drives `count` fresh cases through five steps each (assign, rectify, recheck, close: the happy path)
 * with the worker's activity, alternating slices with the summary triggers on and off.
 */
async function stepCost(db: Db, appUrl: string, count: number, triggers: { table: string; name: string }[]) {
  const appDb = createDb(appUrl, 1);
  const cases = new DatabaseCaseStore(appDb);
  // applyCaseTransition uses only the database and the case store (escalations are another activity).
  // Each step also writes what it tells people (notifications, text messages queued but not delivered).
  const notifier = new CaseNotifier({
    facts: new DatabaseCaseFacts(appDb),
    notifications: new DatabaseNotificationStore(appDb),
    sms: new DatabaseSmsStore(appDb),
    quietHours: null,
    deliver: async () => undefined,
  });
  const activities = createCaseActivities({ db: appDb, cases, config: {} as Config, notifier } as unknown as CaseActivityDeps);
  const town = (await db('users').where({ username: 'town' }).first('id', 'name', 'region_code')) as {
    id: string;
    name: string;
    region_code: string;
  };
  const inspector = (await db('users').where({ username: 'inspector' }).first('id', 'name')) as { id: string; name: string };
  const houses = (await db('buildings')
    .where('village_code', 'like', '441802006%')
    .orderByRaw('random()')
    .limit(count)
    .select('code', 'village_code')) as {
    code: string;
    village_code: string;
  }[];
  const ids: { id: string; village: string }[] = [];
  const run = randomUUID().slice(0, 8);
  for (const [i, h] of houses.entries()) {
    const id = randomUUID();
    await db('cases').insert({
      id,
      number: `BSTEP${run}${String(i).padStart(5, '0')}`,
      definition_version: 1,
      building_code: h.code,
      region_code: h.village_code,
      category: 'structure_damage',
      severity: 'general',
      description: '基准测试：步骤成本',
      status: 'registered',
    });
    ids.push({ id, village: h.village_code });
  }
  const actor = (u: { id: string; name: string }, role: string) => ({ id: u.id, name: u.name, role, regionCode: town.region_code });
  const transitions = (c: { id: string; village: string }): Transition[] => {
    const town9 = c.village.slice(0, 9);
    const task = { assign: randomUUID(), rectify: randomUUID(), recheck: randomUUID(), close: randomUUID() };
    const at = (k: number) => new Date(Date.now() + k * 1000).toISOString();
    const due = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const open = (id: string, no: number, step: string, roles: string[], regionCode: string, days: number) => ({
      id,
      taskNo: no,
      step,
      elementId: `Task_${step}`,
      roles,
      regionCode,
      dueAt: due(days),
      assigneeId: null,
    });
    const done = (id: string, by: { id: string }, form: Record<string, unknown>) => ({
      id,
      status: 'completed' as const,
      completedBy: by.id,
      outcome: 'done',
      form,
    });
    const ev = (type: string, step: string | null, taskId: string | null, who: ReturnType<typeof actor> | null) => ({
      type,
      elementId: step ? `Task_${step}` : null,
      taskId,
      actor: who,
      data: {},
    });
    return [
      {
        caseId: c.id,
        seq: 1,
        occurredAt: at(0),
        event: ev('case.registered', null, null, actor(town, 'town_officer')),
        case: { status: 'assigning', activeElements: ['Task_assign'], dueAt: due(3) },
        openTasks: [open(task.assign, 1, 'assign', ['town_officer'], town9, 3)],
      },
      {
        caseId: c.id,
        seq: 2,
        occurredAt: at(1),
        event: ev('task.completed', 'assign', task.assign, actor(town, 'town_officer')),
        case: {
          status: 'rectifying',
          activeElements: ['Task_rectify'],
          dueAt: due(30),
          measures: ['repair_reinforce'],
          responsible: { name: '户主', relation: 'owner' },
          rectifyDeadline: due(30).slice(0, 10),
        },
        taskChanges: [done(task.assign, town, { measures: ['repair_reinforce'] })],
        openTasks: [open(task.rectify, 2, 'rectify', ['inspector'], c.village, 30)],
      },
      {
        caseId: c.id,
        seq: 3,
        occurredAt: at(2),
        event: ev('task.completed', 'rectify', task.rectify, actor(inspector, 'inspector')),
        case: { status: 'rechecking', activeElements: ['Task_recheck'], dueAt: due(7), evidenceSubmitterId: inspector.id },
        taskChanges: [done(task.rectify, inspector, { description: '已整改' })],
        openTasks: [open(task.recheck, 3, 'recheck', ['town_officer', 'inspector'], town9, 7)],
      },
      {
        caseId: c.id,
        seq: 4,
        occurredAt: at(3),
        event: ev('task.completed', 'recheck', task.recheck, actor(town, 'town_officer')),
        case: { status: 'closing', activeElements: ['Task_close'], dueAt: due(3) },
        taskChanges: [done(task.recheck, town, { result: 'pass' })],
        openTasks: [open(task.close, 4, 'close', ['town_officer'], town9, 3)],
      },
      {
        caseId: c.id,
        seq: 5,
        occurredAt: at(4),
        event: ev('task.completed', 'close', task.close, actor(town, 'town_officer')),
        case: { status: 'closed', activeElements: [], dueAt: null, closed: true },
        taskChanges: [done(task.close, town, { signRemoved: true })],
      },
    ];
  };
  const backendPid = async () => Number(((await appDb.raw('SELECT pg_backend_pid() AS pid')).rows as { pid: number }[])[0]?.pid);
  const result = {
    on: { steps: 0, backend: 0, client: 0, wall: [] as number[] },
    off: { steps: 0, backend: 0, client: 0, wall: [] as number[] },
  };
  // Warm-up: the first cases (plans, caches) are not counted.
  const warm = Math.min(10, Math.floor(ids.length / 10));
  for (const c of ids.slice(0, warm)) for (const t of transitions(c)) await activities.applyCaseTransition(t);
  const rest = ids.slice(warm);
  const slices = Math.max(2, Math.min(8, Math.floor(rest.length / 10)));
  try {
    for (let k = 0; k < slices; k++) {
      const on = k % 2 === 0;
      await setTriggers(db, triggers, on);
      const slice = rest.slice(Math.floor((k * rest.length) / slices), Math.floor(((k + 1) * rest.length) / slices));
      const pid = await backendPid();
      const before = { backend: processCpuSeconds(pid), client: process.cpuUsage() };
      const into = on ? result.on : result.off;
      for (const c of slice) {
        for (const t of transitions(c)) {
          const started = performance.now();
          const { applied } = await activities.applyCaseTransition(t);
          if (!applied) throw new Error(`step ${t.seq} of case ${t.caseId} was not applied`);
          into.wall.push(performance.now() - started);
          into.steps++;
        }
      }
      if ((await backendPid()) !== pid) throw new Error('the step connection was replaced in the middle of a slice');
      into.backend += processCpuSeconds(pid) - before.backend;
      const used = process.cpuUsage(before.client);
      into.client += (used.user + used.system) / 1e6;
    }
  } finally {
    await setTriggers(db, triggers, true);
    await appDb.destroy();
  }
  const of = (r: typeof result.on) => ({
    backendMs: (r.backend * 1000) / Math.max(1, r.steps),
    clientMs: (r.client * 1000) / Math.max(1, r.steps),
    p50: percentile(r.wall, 0.5),
    p95: percentile(r.wall, 0.95),
  });
  return { on: of(result.on), off: of(result.off) };
}
