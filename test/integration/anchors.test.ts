/**
 * The audit trail's anchors on real Temporal and PostgreSQL: the schedule's workflow records every
 * chain head, exports it to the file the auditor keeps and to the supervision system; a rewrite by the
 * owner role (triggers off, chain recomputed so the chain itself verifies) is then caught by
 * `npm run audit:verify -- --anchors <copy>`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { anchorFilePath } from '../../domain/cases/anchor-file.ts';
import { merkleRoot } from '../../domain/cases/anchors.ts';
import { GENESIS_HASH, eventHash, loadChain, verifyCaseChain } from '../../domain/cases/chain.ts';
import { createDb } from '../../domain/db.ts';
import type { Db } from '../../domain/db.ts';
import { startSupervisionSimulator } from '../../tools/supervision-sim/simulator.ts';
import { AUDIT_ANCHOR_SCHEDULE_ID } from '../../workers/schedules.ts';
import { ASSIGN_FORM, complete, createHouse, openTask, registerCase } from '../support/cases.ts';
import type { CaseInfo } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

const SECRET = 'whsec_dGVzdC1zdXBlcnZpc2lvbi1zZWNyZXQ=';
let stack: Stack;
let sim: Awaited<ReturnType<typeof startSupervisionSimulator>>;
let officer: ApiClient;
let auditor: ApiClient;
let auditorDir: string;
const cases: CaseInfo[] = [];

before(async () => {
  sim = await startSupervisionSimulator({ port: 0, secret: SECRET, autoAcknowledgeMs: 0 });
  stack = await startStack({ SUPERVISION_URL: sim.url, SUPERVISION_SECRET: SECRET });
  officer = await loggedIn(stack.baseUrl, 'officer');
  auditor = await loggedIn(stack.baseUrl, 'auditor');
  const town = await loggedIn(stack.baseUrl, 'town');
  const house = await createHouse(officer);
  for (let i = 0; i < 4; i++) {
    const c = await registerCase(officer, house);
    cases.push(await complete(town, openTask(c, 'assign').id, ASSIGN_FORM));
  }
  auditorDir = mkdtempSync(join(tmpdir(), 'ydym-auditor-'));
});
after(async () => {
  try {
    await stack?.stop();
  } finally {
    await sim?.close();
    if (auditorDir) rmSync(auditorDir, { recursive: true, force: true });
  }
});

/** Starts the anchor schedule's workflow now and waits until its anchor is exported and delivered. */
async function anchorNow(no: number): Promise<void> {
  await stack.temporal.client.schedule.getHandle(AUDIT_ANCHOR_SCHEDULE_ID).trigger();
  const file = anchorFilePath(stack.config.dataDir);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').length : 0;
    if (lines >= no && sim.state.anchors.has(no)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`anchor ${no} was not written, exported and sent within 30 s`);
}

function auditVerify(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', ...args], {
    env: { ...process.env, DATABASE_URL: stack.config.databaseUrl, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

/** As the owner with the triggers off: what the application role can no longer do. */
async function asOwnerBehindTriggers(db: Db, work: (trx: Db) => Promise<void>): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('SET LOCAL session_replication_role = replica');
    await work(trx);
  });
}

/** Rewrites one event's data and recomputes the chain from there on, as a careful forger would. */
async function rewriteChain(db: Db, caseId: string, seq: number): Promise<void> {
  await asOwnerBehindTriggers(db, async (trx) => {
    const events = await loadChain(trx, caseId);
    let prev = GENESIS_HASH;
    for (const e of events) {
      const { prevHash: _p, hash: _h, ...hashed } = e;
      if (e.seq === seq) hashed.data = { ...(hashed.data as object), forged: true };
      const hash = eventHash(prev, hashed);
      if (e.seq >= seq) {
        await trx('case_events')
          .where({ case_id: caseId, seq: e.seq })
          .update({ data: JSON.stringify(hashed.data), prev_hash: prev, hash });
      }
      prev = hash;
    }
  });
}

test('the schedule anchors every chain head to the database, the file and the supervision system', async () => {
  await anchorNow(1);
  const [anchor] = (await stack.db('audit_anchors')) as { no: number; cases: number; root: string }[];
  const heads = (await stack
    .db('cases as c')
    .join('case_events as e', (j) => j.on('e.case_id', 'c.id').andOn('e.seq', 'c.last_seq'))
    .select('c.id as caseId', 'c.last_seq as seq', 'e.hash')) as { caseId: string; seq: number; hash: string }[];
  assert.equal(anchor?.cases, cases.length);
  assert.equal(anchor?.root, merkleRoot(heads));
  assert.equal(sim.state.anchors.get(1)?.root, anchor?.root);
  const line = JSON.parse(readFileSync(anchorFilePath(stack.config.dataDir), 'utf8').trim()) as { no: number; root: string };
  assert.deepEqual([line.no, line.root], [1, anchor?.root]);
  // The application role may add anchors but not change them.
  await assert.rejects(appUpdateAnchors(), /permission denied for table audit_anchors/);

  const run = auditVerify('--anchors', anchorFilePath(stack.config.dataDir));
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /全部校验通过/);
  assert.match(run.stdout, /锚点 1 个，链头 4 个，核对数据库与锚点文件.*全部相符/);
});

/** An UPDATE of the anchors as the application role, the API's and the worker's login. */
async function appUpdateAnchors(): Promise<void> {
  const app = createDb(stack.config.databaseUrl, 1);
  try {
    await app('audit_anchors').update({ root: '0'.repeat(64) });
  } finally {
    await app.destroy();
  }
}

test('deleting the last events of a case is named against its last_seq, without any anchor', async () => {
  const c = cases[0]!;
  const { last_seq: lastSeq } = (await stack.db('cases').where({ id: c.id }).first('last_seq')) as { last_seq: number };
  await asOwnerBehindTriggers(stack.db, async (trx) => {
    await trx('case_events')
      .where({ case_id: c.id })
      .where('seq', '>', lastSeq - 2)
      .delete();
  });
  const verdict = await auditor.get<{ ok: boolean; brokenAt: { seq: number; reason: string } }>(`/api/cases/${c.id}/verify`);
  assert.equal(verdict.body.ok, false);
  assert.deepEqual(verdict.body.brokenAt, { seq: lastSeq - 1, reason: 'truncated' });
  const run = auditVerify(c.number);
  assert.equal(run.status, 1);
  assert.match(run.stdout, new RegExp(`${c.number}.*第 ${lastSeq - 1} 条记录校验失败：记录少于案件的最后序号`));
});

test('a chain rewritten and recomputed by the owner, or cut with last_seq lowered, verifies alone but not against the anchors', async () => {
  const [, rewritten, cut] = cases as [CaseInfo, CaseInfo, CaseInfo];
  await rewriteChain(stack.db, rewritten.id, 2);
  const { last_seq: cutSeq } = (await stack.db('cases').where({ id: cut.id }).first('last_seq')) as { last_seq: number };
  await asOwnerBehindTriggers(stack.db, async (trx) => {
    await trx('case_events').where({ case_id: cut.id, seq: cutSeq }).delete();
    await trx('cases')
      .where({ id: cut.id })
      .update({ last_seq: cutSeq - 1 });
  });
  // The chains alone cannot tell.
  assert.equal((await verifyCaseChain(stack.db, rewritten.id)).ok, true);
  assert.equal((await verifyCaseChain(stack.db, cut.id)).ok, true);

  const run = auditVerify('--anchors', anchorFilePath(stack.config.dataDir), rewritten.number);
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stdout, new RegExp(`案件 ${rewritten.number}：第 \\d+ 条记录处的哈希与锚点 1 不符`));
  assert.match(run.stdout, new RegExp(`案件 ${cut.number}：锚点 1 记录了第 ${cutSeq} 条，现仅存 ${cutSeq - 1} 条`));
});

test('anchors rewritten in the database by the owner are caught against the exported copy', async () => {
  const copy = join(auditorDir, 'anchors.jsonl');
  copyFileSync(anchorFilePath(stack.config.dataDir), copy);
  // The forger makes the database's anchor agree with the forged chains: heads and root recomputed.
  const heads = (await stack
    .db('cases as c')
    .join('case_events as e', (j) => j.on('e.case_id', 'c.id').andOn('e.seq', 'c.last_seq'))
    .select('c.id as caseId', 'c.last_seq as seq', 'e.hash')) as { caseId: string; seq: number; hash: string }[];
  await asOwnerBehindTriggers(stack.db, async (trx) => {
    await trx('audit_anchor_heads').delete();
    await trx('audit_anchors').update({ root: merkleRoot(heads), cases: heads.length });
    await trx('audit_anchor_heads').insert(heads.map((h) => ({ anchor_no: 1, case_id: h.caseId, seq: h.seq, hash: h.hash })));
  });
  const inDb = auditVerify(cases[1]!.number);
  assert.equal(inDb.status, 0, 'the database alone agrees with itself');
  const run = auditVerify('--anchors', copy, cases[1]!.number);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /锚点 1：数据库与导出文件的根哈希不符/);
  assert.match(run.stdout, new RegExp(`案件 ${cases[1]!.number}：第 \\d+ 条记录处的哈希与锚点 1 不符`));
  assert.equal(sim.state.anchors.get(1)?.root === merkleRoot(heads), false, 'the supervision system kept the original root');
});
