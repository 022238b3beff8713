/** Helpers for case tests: a house, a registered case, evidence, and driving tasks through the API. */
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import type { EscalationRequest } from '../../tools/supervision-sim/simulator.ts';
import type { ApiClient } from './http.ts';

export interface TaskInfo {
  id: string;
  step: string;
  status: string;
  assigneeId: string | null;
  dueAt: string | null;
  canClaim: boolean;
  canComplete: boolean;
}

export interface CaseInfo {
  id: string;
  number: string;
  status: string;
  severity: string;
  openTasks: TaskInfo[];
  activeElements: string[];
  escalationCount: number;
  recheckFailures: number;
  elements: Record<string, { visits: number; active: boolean }>;
  escalations: { no: number; status: string; reason: string; receiptId: string | null; error: string | null }[];
  callbacks: { kind: string; text: string }[];
}

export async function createHouse(officer: ApiClient, over: Record<string, unknown> = {}): Promise<string> {
  const r = await officer.post<{ code: string }>('/api/buildings', {
    villageCode: '441802006001',
    address: '凤城街道高基里 8 号',
    ownerName: '张三',
    ownerPhone: '13812345678',
    floorsAbove: 3,
    structureType: 'brick_concrete',
    use: 'rental',
    yearBuilt: 1995,
    ...over,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.code;
}

export async function registerCase(
  client: ApiClient,
  buildingCode: string,
  severity: 'serious' | 'general' = 'general',
): Promise<CaseInfo> {
  const r = await client.post<CaseInfo>('/api/cases', {
    buildingCode,
    category: 'structure_damage',
    severity,
    description: '二层楼板出现贯通裂缝',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

export function openTask(c: CaseInfo, step: string): TaskInfo {
  const task = c.openTasks.find((t) => t.step === step);
  assert.ok(task, `no open ${step} task; open: ${c.openTasks.map((t) => t.step).join(', ')} (status ${c.status})`);
  return task;
}

/** A valid 1×1 PNG (real bytes, so the type check by content accepts it). */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 200, 80, 40]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

export async function upload(client: ApiClient, caseId: string, data: Buffer = tinyPng(), name = '现场照片.png'): Promise<string> {
  const r = await client.request<{ id: string }>('POST', `/api/cases/${caseId}/files`, data, {
    'Content-Type': 'application/octet-stream',
    'X-File-Name': encodeURIComponent(name),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

export async function complete(client: ApiClient, taskId: string, form: Record<string, unknown>, expect = 200): Promise<CaseInfo> {
  const r = await client.post<CaseInfo>(`/api/tasks/${taskId}/complete`, { form });
  assert.equal(r.status, expect, JSON.stringify(r.body));
  return r.body;
}

export const ASSIGN_FORM = { responsibleParty: { name: '张三', phone: '13812345678', relation: 'owner' }, measures: ['repair_reinforce'] };

/** Polls until `check` holds for the case (timers, background escalations). */
export async function waitForCase(client: ApiClient, id: string, check: (c: CaseInfo) => boolean, timeoutMs = 30_000): Promise<CaseInfo> {
  const until = Date.now() + timeoutMs;
  let last: CaseInfo | undefined;
  while (Date.now() < until) {
    last = (await client.get<CaseInfo>(`/api/cases/${id}`)).body;
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`case ${id} did not reach the expected state; last: ${JSON.stringify(last)}`);
}

/**
 * Escalation requests as the simulator received them (its `onEscalationRequest`), before it de-duplicates
 * them by idempotency key: what tells one delivery from two.
 */
export function escalationDeliveries() {
  const all: EscalationRequest[] = [];
  return {
    record: (request: EscalationRequest) => void all.push(request),
    /** The requests about one case: the idempotency key is `caseId:escalationNo`. */
    ofCase: (caseId: string) => all.filter((r) => r.idempotencyKey?.startsWith(`${caseId}:`)),
  };
}

/** The demo users who work a case: the town officer, the village's inspector, and a second inspector for the recheck. */
export interface CaseWorkers {
  town: ApiClient;
  inspector: ApiClient;
  inspector2: ApiClient;
}

/** Assign → (control) → rectify → recheck → close, by the demo users; the case is closed at the end. */
export async function closeCase(
  { town, inspector, inspector2 }: CaseWorkers,
  c: CaseInfo,
  assign: Record<string, unknown> = ASSIGN_FORM,
): Promise<CaseInfo> {
  c = await waitForCase(town, c.id, (x) => x.openTasks.some((t) => t.step === 'assign'));
  c = await complete(town, openTask(c, 'assign').id, assign);
  if (c.openTasks.some((t) => t.step === 'control'))
    c = await complete(inspector, openTask(c, 'control').id, {
      measuresTaken: ['stopped_use', 'evacuated', 'barrier', 'warning_sign'],
      fileIds: [await upload(inspector, c.id)],
    });
  c = await complete(inspector, openTask(c, 'rectify').id, { description: '已加固', fileIds: [await upload(inspector, c.id)] });
  c = await complete(inspector2, openTask(c, 'recheck').id, { result: 'pass' });
  c = await complete(town, openTask(c, 'close').id, { signRemoved: true, ...(c.severity === 'serious' ? { appraisalGrade: 'B' } : {}) });
  assert.equal(c.status, 'closed');
  return c;
}
