import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { Worker } from '@temporalio/worker';
import { PNG } from 'pngjs';
import { buildingCode } from '../../domain/buildings/code.ts';
import { DatabaseBuildingStore } from '../../domain/buildings/database-store.ts';
import { createAppAbility, rulesFor } from '../../domain/abilities.ts';
import type { FileStore } from '../../domain/files.ts';
import { LabelBatchService } from '../../api/services/label-batches.ts';
import { DatabaseLabelBatchStore } from '../../domain/labels/database-store.ts';
import { DatabaseAuditStore } from '../../domain/stores/database-audit.ts';
import { DatabaseRegionStore } from '../../domain/stores/database-regions.ts';
import { chunkFileKey } from '../../workers/activities/labels.ts';
import { WORKFLOWS_PATH, createWorker } from '../../workers/worker.ts';
import { progressQuery, labelBatchWorkflowId } from '../../workflows/label-batch/messages.ts';
import { ApiClient } from '../support/http.ts';
import { decodeLabelCells, decodeQr, pdfPageCount, rasterise } from '../support/pdf.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

const BASE = 'https://ydym.example.cn';
const VILLAGE = '441802006001';
const OTHER_TOWN_VILLAGE = '441802007001';
const HOUSES = 1200;

type ErrorReply = {
  error: { code: string; message: string; field?: string; details?: { field: string; reason: string; message: string }[] };
};
type ChunkRow = { chunk_no: number; done_at: Date };
type Batch = {
  id: string;
  status: string;
  total: number;
  doneCount: number;
  chunkCount: number;
  fileUrl: string | null;
  chunks?: { chunkNo: number }[];
};

/** A client for binary answers: a bearer token (no cookie, no CSRF), bodies kept as bytes. */
class Bytes {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}
  static async as(baseUrl: string, username: string): Promise<Bytes> {
    const api = new ApiClient(baseUrl);
    const r = await api.request<{ token: string }>('POST', '/api/auth/token', { username, password: 'Ydym@2026' });
    return new Bytes(baseUrl, r.body.token);
  }
  async call(method: string, path: string, body?: unknown) {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, bytes, json: <T = ErrorReply>() => JSON.parse(bytes.toString('utf8')) as T };
  }
}

let stack: Stack;
let admin: Bytes;
let town: Bytes;
let inspector: Bytes;
let auditor: Bytes;

async function addHouses(village: string, count: number): Promise<void> {
  const store = new DatabaseBuildingStore(stack.db);
  await stack.db.transaction(async (trx) => {
    for (let i = 0; i < count; i++) {
      await store.create(
        { villageCode: village, address: `测试路${i + 1}号`, floorsAbove: 3, structureType: 'brick_concrete', use: 'own_home' },
        trx,
      );
    }
  });
}

async function waitForBatch(client: Bytes, id: string, timeoutMs = 120_000): Promise<Batch> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const batch = (await client.call('GET', `/api/label-batches/${id}`)).json<Batch>();
    if (batch.status === 'done' || batch.status === 'failed') return batch;
    if (Date.now() > until) throw new Error(`batch ${id} still ${batch.status} (${batch.doneCount}/${batch.total})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

before(async () => {
  stack = await startStack({ PUBLIC_BASE_URL: BASE });
  await addHouses(VILLAGE, HOUSES);
  await addHouses(OTHER_TOWN_VILLAGE, 3);
  admin = await Bytes.as(stack.baseUrl, 'admin');
  town = await Bytes.as(stack.baseUrl, 'town');
  inspector = await Bytes.as(stack.baseUrl, 'inspector');
  auditor = await Bytes.as(stack.baseUrl, 'auditor');
});
after(async () => stack?.stop());

const code1 = buildingCode(VILLAGE, 1);
const outside = buildingCode(OTHER_TOWN_VILLAGE, 1);

describe('QR codes', () => {
  test('the PNG decodes to the house’s public URL; the SVG is served as SVG', async () => {
    const png = await inspector.call('GET', `/api/buildings/${code1}/qr.png`);
    assert.equal(png.status, 200);
    assert.equal(png.type, 'image/png');
    assert.equal(decodeQr(PNG.sync.read(png.bytes)), `${BASE}/m/b/${code1}`);
    const svg = await inspector.call('GET', `/api/buildings/${code1.toLowerCase()}/qr.svg`);
    assert.equal(svg.status, 200);
    assert.match(svg.type, /^image\/svg\+xml/);
    assert.match(svg.bytes.toString(), /<svg/);
  });

  test('a mistyped code is 400 with the reason; a house outside the region is 404; no session is 401', async () => {
    const wrongCheck = code1.slice(0, 17) + (code1[17] === '0' ? '1' : '0');
    for (const [code, reason] of [
      [wrongCheck, 'checkCharacter'],
      ['44180200600100001', 'length'],
      ['44180200600100001A', 'characters'],
    ] as const) {
      const r = await inspector.call('GET', `/api/buildings/${code}/qr.png`);
      assert.equal(r.status, 400);
      const body = r.json();
      assert.equal(body.error.code, 'INVALID_BUILDING_CODE');
      assert.equal(body.error.details?.[0]?.reason, reason);
      assert.equal(body.error.field, 'params.code');
    }
    assert.match((await inspector.call('GET', `/api/buildings/${wrongCheck}/qr.svg`)).json().error.message, /校验位/);
    assert.equal((await inspector.call('GET', `/api/buildings/${outside}/qr.svg`)).status, 404);
    assert.equal((await admin.call('GET', `/api/buildings/${outside}/qr.svg`)).status, 200);
    assert.equal((await fetch(`${stack.baseUrl}/api/buildings/${code1}/qr.png`)).status, 401);
  });
});

describe('label sheets', () => {
  test('one house’s sheet is a one-page PDF whose QR code decodes to its URL; an auditor may not print', async () => {
    const r = await inspector.call('GET', `/api/buildings/${code1}/label.pdf`);
    assert.equal(r.status, 200);
    assert.equal(r.type, 'application/pdf');
    assert.equal(pdfPageCount(r.bytes), 1);
    assert.deepEqual(decodeLabelCells(rasterise(r.bytes, 1), 1), [`${BASE}/m/b/${code1}`]);
    assert.equal((await auditor.call('GET', `/api/buildings/${code1}/label.pdf`)).status, 403);
  });

  test('a selection prints in code order; unknown or out-of-scope codes refuse the whole sheet, each named', async () => {
    const codes = [buildingCode(VILLAGE, 12), buildingCode(VILLAGE, 3), buildingCode(VILLAGE, 7)];
    const r = await town.call('POST', '/api/labels/pdf', { codes });
    assert.equal(r.status, 200, r.bytes.toString().slice(0, 300));
    const sorted = [...codes].sort().map((c) => `${BASE}/m/b/${c}`);
    assert.deepEqual(decodeLabelCells(rasterise(r.bytes, 1), 3), sorted);
    const unknown = buildingCode(VILLAGE, 99_000);
    const bad = await town.call('POST', '/api/labels/pdf', { codes: [codes[0], unknown, outside] });
    assert.equal(bad.status, 422);
    const body = bad.json();
    assert.equal(body.error.code, 'UNKNOWN_BUILDINGS');
    assert.deepEqual(
      body.error.details?.map((d) => d.field),
      ['body.codes.1', 'body.codes.2'],
    );
    const typo = await town.call('POST', '/api/labels/pdf', { codes: [codes[0], '4418020060010000'] });
    assert.equal(typo.status, 400);
    assert.equal(typo.json().error.details?.[0]?.field, 'body.codes.1');
    assert.equal((await town.call('POST', '/api/labels/pdf', { codes: Array(501).fill(codes[0]) })).status, 400);
  });
});

describe('label batches', () => {
  let batchId = '';
  let resumedId = '';

  test(`a village of ${HOUSES} houses prints in 3 chunks of 500 into one PDF with every label`, async () => {
    const created = await town.call('POST', '/api/label-batches', { regionCode: VILLAGE });
    assert.equal(created.status, 201, created.bytes.toString());
    const batch = created.json<Batch>();
    batchId = batch.id;
    assert.equal(batch.total, HOUSES);
    assert.equal(batch.chunkCount, 3);
    const done = await waitForBatch(town, batch.id);
    assert.equal(done.status, 'done');
    assert.equal(done.doneCount, HOUSES);
    assert.deepEqual(
      done.chunks?.map((c) => c.chunkNo),
      [1, 2, 3],
    );
    const file = await town.call('GET', done.fileUrl ?? '');
    assert.equal(file.type, 'application/pdf');
    assert.equal(pdfPageCount(file.bytes), HOUSES / 10);
    const chunk2FirstPage = decodeLabelCells(rasterise(file.bytes, 51, 100), 2, 100);
    assert.deepEqual(
      chunk2FirstPage,
      [501, 502].map((seq) => `${BASE}/m/b/${buildingCode(VILLAGE, seq)}`),
    );
    const chunk = await town.call('GET', `/api/label-batches/${batch.id}/chunks/3.pdf`);
    assert.equal(pdfPageCount(chunk.bytes), 20);
    const progress = await stack.temporal.client.workflow.getHandle(labelBatchWorkflowId(batch.id)).query(progressQuery);
    assert.deepEqual(
      { status: progress.status, done: progress.done, chunksDone: progress.chunksDone },
      { status: 'done', done: HOUSES, chunksDone: 3 },
    );
    // The audit log names the batch by its size, not by its id.
    const audit = (await admin.call('GET', `/api/audit-log?action=labelBatch.create`)).json<{
      data: { subjectId: string; subjectLabel: string | null }[];
    }>();
    assert.equal(audit.data.find((e) => e.subjectId === batch.id)?.subjectLabel, `标签 ${HOUSES} 张`);
  });

  test('batches are listed and read within the creator’s region only', async () => {
    const other = await admin.call('POST', '/api/label-batches', { regionCode: OTHER_TOWN_VILLAGE });
    assert.equal(other.status, 201);
    const otherId = other.json<Batch>().id;
    const mine = (await town.call('GET', '/api/label-batches')).json<{ data: Batch[]; total: number }>();
    assert.deepEqual(
      mine.data.map((b) => b.id),
      [batchId],
    );
    assert.equal(mine.total, 1);
    assert.equal((await town.call('GET', `/api/label-batches/${otherId}`)).status, 404);
    assert.equal((await admin.call('GET', '/api/label-batches')).json<{ total: number }>().total, 2);
    await waitForBatch(admin, otherId);
  });

  test('bad requests are refused before anything is written; a repeated Idempotency-Key makes one batch', async () => {
    const before = await stack.db('label_batches').count({ n: '*' }).first();
    assert.equal((await town.call('POST', '/api/label-batches', {})).status, 400);
    assert.equal((await town.call('POST', '/api/label-batches', { regionCode: VILLAGE, codes: [code1] })).status, 400);
    const empty = await town.call('POST', '/api/label-batches', { regionCode: '441802006002' });
    assert.equal(empty.status, 422);
    assert.equal(empty.json().error.code, 'NOTHING_TO_PRINT');
    assert.equal((await inspector.call('POST', '/api/label-batches', { regionCode: '441802006' })).status, 422);
    assert.equal((await auditor.call('POST', '/api/label-batches', { regionCode: VILLAGE })).status, 403);
    const after = await stack.db('label_batches').count({ n: '*' }).first();
    assert.deepEqual(after, before);
    const api = new ApiClient(stack.baseUrl);
    api.bearer = inspector.token;
    const body = { codes: [code1, buildingCode(VILLAGE, 2)] };
    const first = await api.post<Batch>('/api/label-batches', body, { 'Idempotency-Key': 'labels-twice' });
    const again = await api.post<Batch>('/api/label-batches', body, { 'Idempotency-Key': 'labels-twice' });
    assert.equal(first.status, 201);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.equal((await waitForBatch(inspector, first.body.id)).doneCount, 2);
  });

  test('npm run labels renders a village directly or as a followed batch; labels:status reports a batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ydym-labels-'));
    try {
      const env = {
        ...process.env,
        DATABASE_URL: stack.config.databaseUrl,
        PUBLIC_BASE_URL: BASE,
        DATA_DIR: stack.config.dataDir,
        TEMPORAL_ADDRESS: stack.temporal.address,
      };
      const run = promisify(execFile);
      const out = join(dir, 'village.pdf');
      await run(process.execPath, ['--import', 'tsx', 'scripts/labels.ts', '--region', OTHER_TOWN_VILLAGE, '--out', out], { env });
      const pdf = readFileSync(out);
      assert.equal(pdfPageCount(pdf), 1);
      assert.deepEqual(
        decodeLabelCells(rasterise(pdf, 1), 3),
        [1, 2, 3].map((s) => `${BASE}/m/b/${buildingCode(OTHER_TOWN_VILLAGE, s)}`),
      );
      const viaBatch = join(dir, 'batch.pdf');
      const followed = await run(
        process.execPath,
        ['--import', 'tsx', 'scripts/labels.ts', '--region', OTHER_TOWN_VILLAGE, '--batch', '--out', viaBatch],
        {
          env,
        },
      );
      assert.match(followed.stdout, /已创建打印任务 [0-9a-f-]{36}/);
      assert.match(followed.stderr, /已生成 3 \/ 3 张标签/);
      assert.equal(pdfPageCount(readFileSync(viaBatch)), 1);
      const status = await run(process.execPath, ['--import', 'tsx', 'scripts/labels-status.ts', batchId], { env });
      assert.match(status.stdout, /已完成，进度 1200 \/ 1200 张/);
      assert.match(status.stdout, /第 3 部分：200 张/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a batch whose worker stops mid-way finishes on a new worker without redoing finished chunks', async () => {
    const ability = createAppAbility(rulesFor({ id: 'test', role: 'district_admin', regionCode: '441802' }));
    const who = { actorId: null, actorName: 'test', actorRole: null, ip: null, userAgent: null, requestId: null };
    const service = new LabelBatchService({
      db: stack.db,
      batches: new DatabaseLabelBatchStore(stack.db),
      regions: new DatabaseRegionStore(stack.db),
      audit: new DatabaseAuditStore(stack.db),
      files: stack.files,
      temporal: stack.temporal.client,
      taskQueue: stack.config.temporalTaskQueue,
    });
    // Chunks of 200 make six, so stopping after the first leaves most of the work undone.
    const { id } = await service.create(ability, who, { regionCode: VILLAGE }, 200);
    resumedId = id;
    const chunkRows = () => stack.db('label_batch_chunks').where({ batch_id: id }).orderBy('chunk_no') as Promise<ChunkRow[]>;
    const deadline = Date.now() + 60_000;
    while ((await chunkRows()).length === 0) {
      assert.ok(Date.now() < deadline, 'the first chunk was never recorded');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stack.worker.shutdown();
    while (stack.worker.getState() !== 'STOPPED') await new Promise((resolve) => setTimeout(resolve, 50));
    const finishedBefore = await chunkRows();
    assert.ok(finishedBefore.length < 6, 'the worker stopped before the batch was done');

    const rendered: string[] = [];
    const files: FileStore = {
      put: (key, data) => {
        rendered.push(key);
        return stack.files.put(key, data);
      },
      read: (key, start) => stack.files.read(key, start),
      size: (key) => stack.files.size(key),
      remove: (key) => stack.files.remove(key),
      where: (key) => stack.files.where(key),
    };
    const config = { ...stack.config, baseUrl: BASE };
    const worker = await createWorker({ config, db: stack.db, files, connection: stack.temporal.nativeConnection });
    const running = worker.run();
    let done: Batch;
    try {
      done = await waitForBatch(admin, id);
    } finally {
      worker.shutdown();
      await running;
    }
    assert.equal(done.status, 'done');
    assert.equal(done.doneCount, HOUSES);
    const finishedAfter = await chunkRows();
    assert.deepEqual(
      finishedAfter.map((c) => c.chunk_no),
      [1, 2, 3, 4, 5, 6],
    );
    for (const before of finishedBefore) {
      assert.ok(!rendered.includes(chunkFileKey(id, before.chunk_no)), `chunk ${before.chunk_no} was rendered again`);
      const after = finishedAfter.find((c) => c.chunk_no === before.chunk_no);
      assert.equal(after?.done_at.getTime(), before.done_at.getTime());
    }
    assert.ok(rendered.includes(chunkFileKey(id, 6)), 'the new worker rendered the rest');
    const file = await admin.call('GET', done.fileUrl ?? '');
    assert.equal(pdfPageCount(file.bytes), HOUSES / 10);
  });

  test('the recorded histories replay with the current workflow code (determinism)', async () => {
    for (const id of [batchId, resumedId]) {
      const workflowId = labelBatchWorkflowId(id);
      const history = await stack.temporal.client.workflow.getHandle(workflowId).fetchHistory();
      await Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH }, history, workflowId);
    }
  });
});
