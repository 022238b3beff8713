/**
 * `npm run bench:warnings [-- --scale 0.05 --users 10 --seconds 10 --fresh --drop]`: the speed figures of
 * 定期巡查 and the warning rules (issue 19 §4) on this machine, on the statistics benchmark's database
 * (`ydym_bench_stats_<houses>`, 260,000 houses at full scale, bench/stats-database.ts: made once, reused),
 * a Temporal dev server of its own and the real worker (workers/main.ts) and API (bench/serve.ts) in their
 * own processes, each figure beside a baseline doing comparable work in the same run:
 *  1. one full scheduling pass (inspectionScheduleWorkflow through the worker, started by the bench with
 *     the Temporal Schedule paused): wall time, items written, houses assigned, the worker's memory;
 *     baseline: one statement writing a row per house into a scratch table;
 *  2. one run of every warning rule (warningRuleWorkflow: evaluate + start), time per rule and total,
 *     warnings raised; baseline: the rule's query alone, in this process;
 *  3. the inbox while they run: `users` closed-loop users reading `GET /api/tasks`, the inspectors'
 *     `GET /api/inspection-due/batch` and the cockpit's `GET /api/inspection-due/coverage` through the API,
 *     p50/p95 for `seconds` with nothing running, then during the passes; PostgreSQL's CPU and its active
 *     backends on this database, sampled.
 * The schedule's and the rules' earlier results (inspection_due, warnings and their notifications) are
 * deleted first, so each run does a full pass from the same state; every village gets a bench inspector
 * (users `bench-inspector-<village>`, who cannot log in), kept in the database.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_WARNING_RULES_VERSION, warningRulesDefinition } from '../definitions/warning-rules/index.ts';
import { loadConfig } from '../domain/config.ts';
import { dropDatabase } from '../domain/db.ts';
import { runMain } from '../domain/run-main.ts';
import { DatabaseWarningQueries } from '../domain/warnings/database-queries.ts';
import { scaledSize } from '../tools/synthetic/statistics-dataset.ts';
import { startTestTemporal } from '../test/support/temporal.ts';
import { INSPECTION_SCHEDULE_ID, warningRuleScheduleId } from '../workers/schedules.ts';
import { INSPECTION_SCHEDULE_WORKFLOW } from '../workflows/inspection-schedule/messages.ts';
import type { InspectionScheduleResult } from '../workflows/inspection-schedule/messages.ts';
import type { WarningRuleRun } from '../workflows/warning-rule/workflow.ts';
import { closeSend, send } from './http.ts';
import { cpuSecondsOf, spawnService } from './processes.ts';
import { arg, closedLoop, forSeconds, percentile, say } from './cli.ts';
import type { Sample } from './cli.ts';
import { flag, loadDataset, openDatabase, serveApi } from './stats-database.ts';

const TASK_QUEUE = 'ydym';

const fmt = (samples: Sample[]) => {
  const ms = samples.map((s) => s.ms);
  const errors = samples.filter((s) => !s.ok).length;
  return `${percentile(ms, 0.5)} / ${percentile(ms, 0.95)} ms (${samples.length} req${errors ? `, ${errors} errors` : ''})`;
};
const p95Of = (samples: Sample[]) =>
  percentile(
    samples.map((s) => s.ms),
    0.95,
  );

runMain('bench:warnings', async () => {
  const scale = arg('scale', 1);
  const users = arg('users', 10);
  const seconds = arg('seconds', 10);
  const size = scaledSize(scale);
  const startLoad = loadavg()[0] ?? 0;
  say(`bench:warnings: ${size.houses} houses (scale ${scale}); ${users} inbox users; this machine: ${cpus().length} cores`);
  const database = await openDatabase(size);
  const { db } = database;
  const figures: string[] = [];
  const row = (figure: string, platform: string, baseline: string, ratio: string) =>
    figures.push(`| ${figure} | ${platform} | ${baseline} | ${ratio} |`);
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  const stops: (() => void | Promise<void>)[] = [];
  let stopping: Promise<void> | null = null;
  const stopAll = () =>
    (stopping ??= (async () => {
      closeSend();
      for (const stop of stops.reverse())
        await Promise.resolve()
          .then(stop)
          .catch((e: unknown) => say(`  stopping: ${(e as Error).message}`));
      stops.length = 0;
    })());
  // Ctrl-C or a kill: the worker, the API and the Temporal dev server go with the bench.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      say(`\nbench:warnings: ${signal} received, stopping…`);
      void stopAll().finally(() => process.exit(130));
    });
  try {
    await loadDataset(database, size);
    // The same state every run: no due items, no warnings, none of their notifications.
    const cleared = (
      await db.raw(
        `WITH d AS (DELETE FROM inspection_due RETURNING 1), w AS (DELETE FROM warnings RETURNING 1),
            n AS (DELETE FROM notifications WHERE kind IN ('inspection_due', 'warning') RETURNING 1)
       SELECT (SELECT count(*) FROM d)::int AS due, (SELECT count(*) FROM w)::int AS warnings, (SELECT count(*) FROM n)::int AS notices`,
      )
    ).rows[0] as { due: number; warnings: number; notices: number };
    if (cleared.due + cleared.warnings + cleared.notices > 0)
      say(`  cleared the last run's ${cleared.due} due items, ${cleared.warnings} warnings, ${cleared.notices} notifications`);
    // 定期巡查 hands houses to the inspectors of their village: the demo users cover one village, so every
    // village with houses gets a bench inspector (who cannot log in), as a deployment would have.
    const added = (await db.raw(
      `INSERT INTO users (username, name, role, region_code, password_hash)
       SELECT 'bench-inspector-' || v.village_code, '基准排查员' || right(v.village_code, 3), 'inspector', v.village_code, '!'
       FROM (SELECT DISTINCT village_code FROM buildings WHERE village_code IS NOT NULL) v
       ON CONFLICT ((lower(username))) DO NOTHING`,
    )) as { rowCount: number };
    if (added.rowCount > 0) say(`  ${added.rowCount} villages given a bench inspector`);
    await db.raw('VACUUM ANALYZE inspection_due, warnings, notifications, users');
    const tiers = (await db.raw(`SELECT risk_tier AS tier, count(*)::int AS n FROM buildings GROUP BY 1 ORDER BY 1`)).rows as {
      tier: string;
      n: number;
    }[];
    say(`  houses by tier: ${tiers.map((t) => `${t.tier} ${t.n}`).join(', ')}`);

    say('starting a Temporal dev server, the worker and the API…');
    const temporal = await startTestTemporal();
    stops.push(() => temporal.teardown());
    const env = {
      DATABASE_URL: database.appUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ydym-bench-warnings-')),
      LOG_LEVEL: 'info',
      SUPERVISION_URL: 'http://127.0.0.1:9',
      SMS_URL: 'http://127.0.0.1:9',
    };
    // The day length the worker's activities use (CASE_DAY_SECONDS), for the baseline's queries.
    const daySeconds = loadConfig({ ...process.env, ...env }).caseDaySeconds;
    const worker = await spawnService('workers/main.ts', env, 'worker running');
    stops.push(() => worker.stop());
    // The worker made the platform's schedules; the bench starts the pass and the rules itself, once.
    const rules = warningRulesDefinition(CURRENT_WARNING_RULES_VERSION).rules;
    for (const id of [INSPECTION_SCHEDULE_ID, ...rules.map((r) => warningRuleScheduleId(r.id))])
      await temporal.client.schedule.getHandle(id).pause('bench:warnings runs it itself');
    const api = await serveApi(database.appUrl);
    stops.push(() => api.stop());

    const login = async (username: string) => {
      const r = await send(`${api.url}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'Ydym@2026' }),
      });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
      return `Bearer ${(JSON.parse(r.text) as { token: string }).token}`;
    };
    const auth = {
      inspector: await login('inspector'),
      inspector2: await login('inspector2'),
      town: await login('town'),
      officer: await login('officer'),
    };
    // The inbox: inspectors read their 定期巡查 batch and their tasks, the town officer the tasks to claim,
    // the district officer the coverage card.
    const requests = [
      { label: 'inspection-due batch', path: '/api/inspection-due/batch?perPage=25', who: ['inspector', 'inspector2'] as const },
      { label: 'tasks mine', path: '/api/tasks?view=mine&perPage=25', who: ['inspector', 'inspector2'] as const },
      { label: 'tasks claimable', path: '/api/tasks?view=claimable&perPage=25', who: ['town', 'town'] as const },
      // The cockpit's 定期巡查覆盖率 card, counted from the due items at read time (district-wide, last 30 days).
      { label: 'coverage (district)', path: '/api/inspection-due/coverage', who: ['officer', 'officer'] as const },
    ];
    let errorsShown = 0;
    const inbox = async (u: number, i: number) => {
      const r = requests[(u + i) % requests.length] as (typeof requests)[number];
      const res = await send(api.url + r.path, { headers: { authorization: auth[r.who[u % 2] as keyof typeof auth] } });
      if (res.status !== 200 && errorsShown++ < 5) say(`  ${r.path}: ${res.status} ${res.text.slice(0, 200)}`);
      return { label: r.label, ok: res.status === 200 };
    };
    // PostgreSQL's load: CPU of its processes (this machine's, whoever uses them) and this database's active backends.
    const databaseName = new URL(database.url).pathname.slice(1);
    const watchDatabase = () => {
      const cpuStart = cpuSecondsOf('postgres');
      const started = performance.now();
      const active: number[] = [];
      let peakRss = worker.rssMb();
      let on = true;
      let failure: Error | undefined;
      const sampling = (async () => {
        while (on) {
          try {
            const r = (
              await db.raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ? AND state = 'active'`, [databaseName])
            ).rows[0] as { n: number };
            // Not counting this sampler's own query.
            active.push(r.n - 1);
            peakRss = Math.max(peakRss, worker.rssMb());
          } catch (error) {
            // The worker gone (stopped by Ctrl-C) or the database closing: the bench is ending, the figures unused.
            if (!stopping) failure ??= error as Error;
          }
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      return async () => {
        on = false;
        await sampling;
        if (failure) throw failure;
        const wall = (performance.now() - started) / 1000;
        return {
          cpuPerSecond: (cpuSecondsOf('postgres') - cpuStart) / wall,
          activeMean: active.reduce((a, b) => a + b, 0) / Math.max(1, active.length),
          activeMax: Math.max(0, ...active),
          peakRss,
        };
      };
    };
    const load = (l: { cpuPerSecond: number; activeMean: number; activeMax: number }) =>
      `CPU ${l.cpuPerSecond.toFixed(2)} s/s, active backends ${l.activeMean.toFixed(1)} mean, ${l.activeMax} max`;

    // 3a. The inbox with nothing running (after a warm-up).
    const warm = Math.round(Math.min(3, seconds / 3) * 10) / 10;
    say(`inbox: ${users} users, ${warm} s warm-up, then ${seconds} s with no pass running…`);
    await closedLoop(users, forSeconds(warm), inbox);
    const quietWatch = watchDatabase();
    const quiet = await closedLoop(users, forSeconds(seconds), inbox);
    const quietLoad = await quietWatch();

    // 1. The scheduling pass through the worker, the inbox read all along.
    say('scheduling pass (inspectionScheduleWorkflow) with the inbox read all along…');
    const rssBefore = worker.rssMb();
    let passing = true;
    const passWatch = watchDatabase();
    const duringPassLoop = closedLoop(users, () => !passing, inbox);
    const passStarted = performance.now();
    let pass: InspectionScheduleResult;
    try {
      pass = (await temporal.client.workflow.execute(INSPECTION_SCHEDULE_WORKFLOW, {
        taskQueue: TASK_QUEUE,
        workflowId: `bench-inspection-schedule-${Date.now()}`,
      })) as InspectionScheduleResult;
    } finally {
      passing = false;
    }
    const passMs = performance.now() - passStarted;
    const duringPass = await duringPassLoop;
    const passLoad = await passWatch();
    const rssAfterPass = worker.rssMb();
    // Baseline: one statement writing a row per house (code, village, tier, a moment) into a scratch table.
    const writeStarted = performance.now();
    await db.raw('DROP TABLE IF EXISTS bench_warnings_scratch');
    await db.raw(
      `CREATE UNLOGGED TABLE bench_warnings_scratch AS
       SELECT code, village_code, risk_tier, now() + interval '30 days' AS due_at FROM buildings`,
    );
    const writeMs = performance.now() - writeStarted;
    await db.raw('DROP TABLE bench_warnings_scratch');
    const due = (
      await db.raw(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'assigned')::int AS assigned FROM inspection_due`)
    ).rows[0] as { n: number; assigned: number };
    row(
      'scheduling pass, wall time',
      `${(passMs / 1000).toFixed(1)} s: ${pass.created} due items written, ${pass.villages} villages, ${pass.assigned} houses assigned (${due.n} items, ${due.assigned} assigned in the table)`,
      `${writeMs.toFixed(0)} ms: one INSERT … SELECT of a row per house`,
      ratio(passMs, writeMs),
    );
    row(
      'worker memory (RSS) over the pass',
      `${rssBefore.toFixed(0)} → ${rssAfterPass.toFixed(0)} MB (peak ${passLoad.peakRss.toFixed(0)} MB)`,
      '—',
      '—',
    );

    // 2. Every warning rule, one after the other, the inbox read all along.
    say(`warning rules: ${rules.length}, one run each, with the inbox read all along…`);
    let ruling = true;
    const rulesWatch = watchDatabase();
    const duringRulesLoop = closedLoop(users, () => !ruling, inbox);
    const runs: { id: string; ms: number; run: WarningRuleRun }[] = [];
    const rulesStarted = performance.now();
    try {
      for (const rule of rules) {
        const t = performance.now();
        const run = (await temporal.client.workflow.execute('warningRuleWorkflow', {
          taskQueue: TASK_QUEUE,
          workflowId: `bench-warning-${rule.id}-${Date.now()}`,
          args: [{ ruleId: rule.id }],
        })) as WarningRuleRun;
        runs.push({ id: rule.id, ms: performance.now() - t, run });
      }
    } finally {
      ruling = false;
    }
    const rulesMs = performance.now() - rulesStarted;
    const duringRules = await duringRulesLoop;
    const rulesLoad = await rulesWatch();
    const rssAfterRules = worker.rssMb();
    // Baseline: each rule's query alone, in this process (no Temporal, no writes).
    const queries = new DatabaseWarningQueries(db);
    let queriesMs = 0;
    for (const r of runs) {
      const rule = rules.find((x) => x.id === r.id) as (typeof rules)[number];
      const t = performance.now();
      const found = await queries.run(rule.query, rule.thresholds, { now: new Date(), daySeconds });
      const ms = performance.now() - t;
      queriesMs += ms;
      row(
        `  rule ${r.id}`,
        `${(r.ms / 1000).toFixed(2)} s: ${r.run.found} found, ${r.run.raised} raised, ${r.run.started} workflows started`,
        `${ms.toFixed(0)} ms: its query alone (${found.length} found)`,
        ratio(r.ms, ms),
      );
    }
    const raised = runs.reduce((s, r) => s + r.run.raised, 0);
    const started = runs.reduce((s, r) => s + r.run.started, 0);
    figures.splice(
      figures.length - runs.length,
      0,
      `| every warning rule, one run each | ${(rulesMs / 1000).toFixed(1)} s: ${raised} warnings raised, ${started} workflows started | ${queriesMs.toFixed(0)} ms: the queries alone | ${ratio(rulesMs, queriesMs)} |`,
    );
    row(
      'worker memory (RSS) over the rules',
      `${rssAfterPass.toFixed(0)} → ${rssAfterRules.toFixed(0)} MB (peak ${rulesLoad.peakRss.toFixed(0)} MB)`,
      '—',
      '—',
    );

    // 3b. The inbox during the passes against without them.
    row(
      `inbox, ${users} users, during the scheduling pass (p50 / p95)`,
      fmt(duringPass),
      `${fmt(quiet)} with no pass running`,
      `${ratio(p95Of(duringPass), p95Of(quiet))} p95`,
    );
    row(
      `inbox, ${users} users, during the warning rules (p50 / p95)`,
      fmt(duringRules),
      `${fmt(quiet)} with no pass running`,
      `${ratio(p95Of(duringRules), p95Of(quiet))} p95`,
    );
    for (const r of requests) {
      const of = (s: Sample[]) => s.filter((x) => x.label === r.label);
      row(
        `  ${r.label} during the pass / the rules`,
        `${fmt(of(duringPass))} / ${fmt(of(duringRules))}`,
        `${fmt(of(quiet))} with no pass running`,
        `${ratio(p95Of(of(duringPass)), p95Of(of(quiet)))} / ${ratio(p95Of(of(duringRules)), p95Of(of(quiet)))} p95`,
      );
    }
    row(
      'PostgreSQL during the scheduling pass',
      load(passLoad),
      `${load(quietLoad)} with no pass running`,
      ratio(passLoad.cpuPerSecond, quietLoad.cpuPerSecond),
    );
    row(
      'PostgreSQL during the warning rules',
      load(rulesLoad),
      `${load(quietLoad)} with no pass running`,
      ratio(rulesLoad.cpuPerSecond, quietLoad.cpuPerSecond),
    );

    say('');
    say(
      `bench:warnings ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), scale ${scale} (${size.houses} houses), ` +
        `load average at the start ${startLoad.toFixed(1)}, at the end ${(loadavg()[0] ?? 0).toFixed(1)}`,
    );
    say('| figure | platform | baseline | ratio |');
    say('| --- | --- | --- | --- |');
    for (const line of figures) say(line);
    say('');
    say('Methods. The pass and the rules: the real workflows on the real worker (workers/main.ts, its own process) and a');
    say('  Temporal dev server started by the bench, their schedules paused, started once each by the bench and awaited;');
    say('  the due items, warnings and their notifications of earlier runs are deleted first. Inbox: closed loops of users');
    say('  (each sends its next request when the last is answered) through the API process (bench/serve.ts), the same users');
    say('  and requests with no pass running and then during the pass and the rules, same run. PostgreSQL: CPU (user + system)');
    say("  of this machine's postgres processes per second of wall time, and this database's active backends in pg_stat_activity");
    say('  sampled every 250 ms. Worker memory: its resident set (/proc), sampled with them.');
  } finally {
    await stopAll();
    await db.destroy();
    if (flag('drop')) await dropDatabase(database.url);
  }
});
