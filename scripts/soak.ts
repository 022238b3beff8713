/**
 * `npm run soak [-- --minutes M --rate R]` (issue 21 §2): faults under load, bounded, stopping by itself.
 * It runs the cluster topology (as `npm run start:cluster`, on free ports) on a PostgreSQL server of its
 * own (it restarts it; the machine's server is never touched), puts an open-loop load on it for M minutes
 * at R requests a second (cases registered, stepped and closed; inspections; complaints; inbox reads;
 * cases left to escalate, a definition day being CASE_DAY_SECONDS), and meanwhile, in turn: SIGKILLs a
 * worker and an API process (started again 2 s later), restarts the Temporal server and PostgreSQL, and
 * takes the supervision system down for 30 s. Once the load has drained it checks every case's state,
 * the audit chains (`audit:verify`), that no acknowledged step is lost or applied twice, that every
 * acknowledged complaint and inspection is stored, and that every escalation reached the supervision
 * system exactly once; prints the latency of each request kind within and outside each fault and the
 * time to recover; exit code 0 when all holds, 1 with the reasons otherwise.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../domain/boot.ts';
import { supervisionCallbackUrl } from '../domain/cases/escalation.ts';
import { loadConfig } from '../domain/config.ts';
import { createDb } from '../domain/db.ts';
import type { Db } from '../domain/db.ts';
import { StartupError } from '../domain/run-main.ts';
import { DatabaseRegionStore } from '../domain/stores/database-regions.ts';
import { freePort } from '../test/support/ports.ts';
import { startSmsSimulator } from '../tools/sms-sim/simulator.ts';
import { seedDemoUsers } from '../tools/seed/demo.ts';
import { districtRegions } from '../tools/seed/regions.ts';
import { startSupervisionSimulator } from '../tools/supervision-sim/simulator.ts';
import { seedSyntheticBuildings } from '../tools/synthetic/seed.ts';
import { startCluster } from './lib/cluster.ts';
import type { RunningCluster } from './lib/cluster.ts';
import { startPrivatePostgres } from './lib/private-postgres.ts';
import type { PrivatePostgres } from './lib/private-postgres.ts';
import { seaweedPorts } from './lib/seaweedfs.ts';
import { checkSoak } from './lib/soak/check.ts';
import type { SoakFacts } from './lib/soak/check.ts';
import { faultTimes, killAndRespawn, runFaults } from './lib/soak/faults.ts';
import type { Fault } from './lib/soak/faults.ts';
import { runLoad } from './lib/soak/load.ts';
import type { LoadLog } from './lib/soak/load.ts';
import { soakReport } from './lib/soak/report.ts';

const say = (line: string) => process.stdout.write(`[soak] ${line}\n`);
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    rate: { type: 'string', default: '4' },
    'day-seconds': { type: 'string', default: '20' },
    'drain-seconds': { type: 'string', default: '240' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const daySeconds = Number(values['day-seconds']);
const drainSeconds = Number(values['drain-seconds']);
const SUPERVISION_OUTAGE_MS = 30_000;
const DISTRICT = '441802';
/** The demo users' village and town. */
const VILLAGE = '441802006001';
const TOWN = '441802006';

const stops: (() => Promise<void>)[] = [];
let stopping: Promise<void> | undefined;
const cleanUp = () =>
  (stopping ??= (async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => say(`clean-up: ${(error as Error).message}`));
  })());

async function main(): Promise<boolean> {
  if (!(minutes > 0 && minutes <= 120) || !(rate > 0 && rate <= 100) || !(daySeconds >= 5))
    throw new StartupError('--minutes must be 0–120, --rate 0–100 requests a second, --day-seconds at least 5');
  const dir = mkdtempSync(join(tmpdir(), 'ydym-soak-'));
  stops.push(async () => rmSync(dir, { recursive: true, force: true }));
  // The processes' logs outlive a failed run, for its diagnosis.
  const logDir = mkdtempSync(join(tmpdir(), 'ydym-soak-logs-'));
  say(`${minutes} min of load at ${rate} requests/s, a definition day of ${daySeconds} s; scratch folder ${dir}`);

  const pg: PrivatePostgres = await startPrivatePostgres(await freePort());
  stops.push(() => pg.destroy());
  say(`PostgreSQL of its own on 127.0.0.1:${pg.port}`);
  const proxyPort = await freePort();
  const supervisionPort = await freePort();
  Object.assign(process.env, {
    DATABASE_URL: `postgres://ydym_app:ydym_app@127.0.0.1:${pg.port}/ydym`,
    DATABASE_OWNER_URL: pg.url('ydym'),
    DATA_DIR: join(dir, 'data'),
    PUBLIC_BASE_URL: `http://127.0.0.1:${proxyPort}`,
    SUPERVISION_URL: `http://127.0.0.1:${supervisionPort}`,
    CASE_DAY_SECONDS: String(daySeconds),
    // A request whose API process was killed holds its key this long; the client's retry then runs it.
    IDEMPOTENCY_CLAIM_SECONDS: '15',
    // One load generator is one network address.
    COMPLAINTS_PER_HOUR: '100000',
    TEMPORAL_EMBEDDED: 'false',
  });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const config = loadConfig();

  await prepareDatabase(config, say);
  const db: Db = createDb(pg.url('ydym'), 2);
  stops.push(() => db.destroy());
  await new DatabaseRegionStore(db).upsert(await districtRegions(DISTRICT));
  await seedDemoUsers(db);
  await seedSyntheticBuildings(db, { count: 2000, district: DISTRICT });
  const codes = (rows: unknown) => (rows as { code: string }[]).map((r) => r.code);
  const houses = {
    village: codes(await db('buildings').where('village_code', VILLAGE).orderBy('code').select('code')),
    town: codes(
      await db('buildings').where('village_code', 'like', `${TOWN}%`).whereNot('village_code', VILLAGE).orderBy('code').select('code'),
    ),
  };
  say(`${houses.village.length} houses in the demo users’ village, ${houses.town.length} elsewhere in its town`);

  const deliveries = new Map<string, number>();
  const sim = await startSupervisionSimulator({
    port: supervisionPort,
    secret: config.supervisionSecret,
    callbackUrl: supervisionCallbackUrl(config),
    onEscalationRequest: (r) => void deliveries.set(r.idempotencyKey ?? '', (deliveries.get(r.idempotencyKey ?? '') ?? 0) + 1),
  });
  stops.push(() => sim.close());
  const sms = await startSmsSimulator({ port: await freePort(), secret: config.smsSecret });
  stops.push(() => sms.close());
  process.env.SMS_URL = sms.url;

  const cluster: RunningCluster = await startCluster({
    dir: join(dir, 'cluster'),
    adminUrl: pg.url(),
    temporalDatabases: {
      host: '127.0.0.1',
      port: pg.port,
      user: 'ydym_temporal',
      password: 'ydym_temporal',
      database: 'ydym_temporal',
      visibilityDatabase: 'ydym_temporal_visibility',
    },
    shards: 4,
    namespace: config.temporalNamespace,
    ports: {
      proxy: proxyPort,
      apis: [await freePort(), await freePort()],
      workers: 2,
      temporal: { frontend: await freePort(), internal: await Promise.all(Array.from({ length: 9 }, () => freePort())) },
      seaweed: await seaweedPorts(freePort),
    },
    s3: { bucket: 'ydym-soak', accessKeyId: 'ydym', secretAccessKey: 'ydym-soak-secret' },
    env: {},
    logDir,
    say,
  });
  stops.push(() => cluster.stop());

  const token = async (username: string) => {
    const r = await fetch(`${cluster.url}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Ydym@2026' }),
    });
    if (!r.ok) throw new StartupError(`login of ${username}: ${r.status} ${await r.text()}`);
    return `Bearer ${((await r.json()) as { token: string }).token}`;
  };
  const auth = {
    officer: await token('officer'),
    town: await token('town'),
    inspector: await token('inspector'),
    inspector2: await token('inspector2'),
  };

  const faults: Fault[] = [
    killAndRespawn(
      'worker SIGKILL',
      () => cluster.workers[0]!.kill(),
      () => cluster.restartWorker(0),
    ),
    killAndRespawn(
      'API SIGKILL',
      () => cluster.apis[0]!.kill(),
      () => cluster.restartApi(0),
    ),
    { name: 'Temporal restart', run: () => cluster.restartTemporal() },
    { name: 'PostgreSQL restart', run: () => pg.restart() },
    {
      name: 'supervision down 30 s',
      run: async () => {
        const control = (down: boolean) =>
          fetch(`${sim.url}/_control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ down }) });
        await control(true);
        await sleep(SUPERVISION_OUTAGE_MS);
        await control(false);
      },
    },
  ];
  const log: LoadLog = { samples: [], acked: [], expectations: [], complaints: [], inspections: [], failures: [], registrationsGivenUp: 0 };
  const seconds = minutes * 60;
  const start = Date.now();
  say(
    `load for ${seconds} s; faults at ${faultTimes(faults.length, seconds)
      .map((t) => `+${t / 1000} s`)
      .join(', ')}`,
  );
  const [windows] = await Promise.all([
    runFaults(faults, start, faultTimes(faults.length, seconds), say),
    runLoad({ base: cluster.url, rate, seconds, houses, auth, giveUpMs: 240_000 }, log).then(() => say('load finished; draining…')),
  ]);

  const facts = await drain(db, log, sim.state.escalations);
  const problems = [...log.failures, ...checkSoak(facts)];
  const audit = await auditVerify();
  if (audit.code !== 0) problems.push(`audit:verify failed (exit ${audit.code}):\n${audit.output}`);
  const served500 = log.samples.reduce((n, s) => n + s.statuses.filter((x) => x === 500).length, 0);
  if (served500) problems.push(`${served500} answers were 500; the API processes logged: ${failedRequests(logDir).join(' | ')}`);

  say('');
  for (const line of soakReport(log.samples, windows)) say(line);
  say('');
  const redelivered = [...deliveries.values()].filter((n) => n > 1).length;
  say(
    `${log.expectations.length} cases checked (${log.expectations.filter((x) => x.status === 'closed').length} driven to closure), ` +
      `${log.acked.length} acknowledged steps, ${log.complaints.length} complaints, ${log.inspections.length} inspections; ` +
      `${facts.escalations.length} escalations, ${facts.received.length} recorded by the supervision system ` +
      `(${redelivered} delivered more than once and de-duplicated there); ${audit.output.trim().split('\n')[0]}`,
  );
  if (problems.length === 0) say('PASS');
  else {
    say(`FAIL: ${problems.length} problems`);
    for (const p of problems.slice(0, 50)) say(`  ✗ ${p}`);
  }
  if (problems.length === 0) rmSync(logDir, { recursive: true, force: true });
  else say(`the processes' logs: ${logDir}`);
  return problems.length === 0;
}

/** The distinct errors behind the API processes' 500 answers, from their logs (pino JSON lines). */
function failedRequests(dir: string): string[] {
  const seen = new Map<string, number>();
  for (const file of readdirSync(dir).filter((f) => f.startsWith('api-'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.includes('"request failed"')) continue;
      try {
        const entry = JSON.parse(line) as { err?: { type?: string; message?: string; code?: string } };
        const what = `${entry.err?.type ?? 'Error'}${entry.err?.code ? ` ${entry.err.code}` : ''}: ${entry.err?.message ?? ''}`.slice(
          0,
          200,
        );
        seen.set(what, (seen.get(what) ?? 0) + 1);
      } catch {
        // Not a JSON line.
      }
    }
  }
  return [...seen].map(([what, n]) => `${n} × ${what}`);
}

/** Waits (up to --drain-seconds) until every expectation holds and no escalation is still being sent; then reads the facts. */
async function drain(db: Db, log: LoadLog, received: Map<string, { idempotencyKey: string; receiptId: string }>): Promise<SoakFacts> {
  const deadline = Date.now() + drainSeconds * 1000;
  for (;;) {
    const facts = await readFacts(db, log, received).catch(() => undefined);
    const settled = facts && checkSoak(facts).length === 0;
    if (facts && (settled || Date.now() > deadline)) return facts;
    await sleep(2000);
  }
}

async function readFacts(db: Db, log: LoadLog, received: Map<string, { idempotencyKey: string; receiptId: string }>): Promise<SoakFacts> {
  const cases = (await db('cases').select('id', 'number', 'status')) as SoakFacts['cases'];
  const events = (
    (await db('case_events').whereIn('type', ['task.completed', 'task.overdue']).select('case_id', 'type', 'task_id')) as {
      case_id: string;
      type: string;
      task_id: string | null;
    }[]
  ).map((e) => ({ caseId: e.case_id, type: e.type, taskId: e.task_id }));
  const escalations = (
    (await db('case_escalations').select('case_id', 'no', 'reason', 'status', 'receipt_id')) as {
      case_id: string;
      no: number;
      reason: string;
      status: string;
      receipt_id: string | null;
    }[]
  ).map((e) => ({ caseId: e.case_id, no: e.no, reason: e.reason, status: e.status, receiptId: e.receipt_id }));
  const complaints = ((await db('complaints').select('tracking_no')) as { tracking_no: string }[]).map((r) => r.tracking_no);
  const inspections = ((await db('inspections').select('id')) as { id: string }[]).map((r) => r.id);
  return {
    acked: log.acked,
    events,
    cases,
    expectations: log.expectations,
    escalations,
    received: [...received.values()].map((r) => ({ idempotencyKey: r.idempotencyKey, receiptId: r.receiptId })),
    complaints: { acked: log.complaints, stored: complaints },
    inspections: { acked: log.inspections, stored: inspections },
    registrationsGivenUp: log.registrationsGivenUp,
  };
}

/** `npm run audit:verify` over every case, as an operator runs it. */
function auditVerify(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

// Bounded: whatever hangs, the run ends (load, faults, drain and start-up each have their own limits well inside this).
const watchdog = setTimeout(
  () => {
    say('FAIL: the soak did not finish in time; stopping');
    void cleanUp().finally(() => process.exit(1));
  },
  (minutes * 60 + drainSeconds + 15 * 60) * 1000,
);
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
main().then(
  async (passed) => {
    clearTimeout(watchdog);
    await cleanUp();
    process.exit(passed ? 0 : 1);
  },
  async (error: unknown) => {
    clearTimeout(watchdog);
    process.stderr.write(`\nsoak: ${error instanceof StartupError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    await cleanUp();
    process.exit(1);
  },
);
