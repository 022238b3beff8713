/**
 * The soak's open-loop load: a fixed mix of work started on a fixed schedule whatever the answers, each
 * request's latency counted from when it was due. One cycle of the mix is a case driven to closure
 * (register, assign, upload and rectify, recheck, close: each step `STEP_GAP_MS` after the last was due),
 * a daily inspection that finds a hazard (a case opens and, with nobody assigning it, escalates when its
 * deadline passes), a citizen's complaint, two inbox reads and, every other cycle, a case registered and
 * left unassigned (it escalates too). What the platform acknowledged is logged for the checks.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { tinyPng } from '../../../test/support/cases.ts';
import type { AckedStep, Expectation } from './check.ts';
import { ok, send } from './client.ts';
import type { Answer, SendOptions } from './client.ts';
import type { Sample } from './stats.ts';

/** Requests per cycle: 6 for the closed case, 1 inspection, 1 complaint, 2 inbox reads, ½ unassigned case. */
export const REQUESTS_PER_CYCLE = 10.5;
const STEP_GAP_MS = 3000;

export interface LoadOptions {
  base: string;
  /** Requests per second, over all kinds. */
  rate: number;
  seconds: number;
  /** Houses in the demo users' village (cases), and elsewhere in the town (inspections, one each while they last). */
  houses: { village: string[]; town: string[] };
  /** Bearer tokens of the demo users. */
  auth: { officer: string; town: string; inspector: string; inspector2: string };
  /** How long one request is retried after it was due before it is given up. */
  giveUpMs: number;
}

interface CaseBody {
  id: string;
  number: string;
  status: string;
  severity: string;
  openTasks: { id: string; step: string }[];
}

export interface LoadLog {
  samples: Sample[];
  acked: AckedStep[];
  expectations: Expectation[];
  complaints: string[];
  inspections: string[];
  /** Requests given up or refused: each a problem for the report. */
  failures: string[];
  /** Case registrations and inspections given up or refused (each may still have opened a case). */
  registrationsGivenUp: number;
}

export async function runLoad(o: LoadOptions, log: LoadLog): Promise<void> {
  const start = Date.now() + 500;
  const end = start + o.seconds * 1000;
  const interval = (1000 * REQUESTS_PER_CYCLE) / o.rate;
  const running: Promise<void>[] = [];
  let nextHouse = 0;

  /** One request (with its retries), recorded as a sample of `kind`; the settling answer when 2xx. */
  const request = async (kind: string, due: number, path: string, opts: SendOptions): Promise<Answer | undefined> => {
    await sleep(Math.max(0, due - Date.now()));
    const attempts = { statuses: [] as number[] };
    const answer = await send(o.base, path, opts, attempts, due + o.giveUpMs);
    log.samples.push({ kind, due, latencyMs: Math.round(Date.now() - due), ok: ok(answer), statuses: attempts.statuses });
    if (!ok(answer)) log.failures.push(`${kind} ${path}: ${answer ? `${answer.status} ${JSON.stringify(answer.body)}` : 'given up'}`);
    return ok(answer) ? answer : undefined;
  };
  const post = (kind: string, due: number, path: string, auth: string | undefined, body: unknown) =>
    request(kind, due, path, { method: 'POST', auth, body, idempotencyKey: randomUUID() });

  /** The case's open task of `step`, reading the case again while the workflow has not opened it yet. */
  const taskOf = async (c: CaseBody, step: string, due: number): Promise<string | undefined> => {
    const deadline = due + o.giveUpMs;
    for (let current = c; ;) {
      const task = current.openTasks.find((t) => t.step === step);
      if (task) return task.id;
      if (Date.now() > deadline) return undefined;
      await sleep(250);
      const again = await send(o.base, `/api/cases/${c.id}`, { auth: o.auth.officer }, { statuses: [] }, deadline);
      if (again && ok(again)) current = again.body as CaseBody;
    }
  };
  const complete = async (c: CaseBody, step: string, due: number, auth: string, form: Record<string, unknown>) => {
    await sleep(Math.max(0, due - Date.now()));
    const taskId = await taskOf(c, step, due);
    if (!taskId) {
      log.failures.push(`case ${c.number}: no ${step} task appeared`);
      return undefined;
    }
    const answer = await post(`task.${step}`, due, `/api/tasks/${taskId}/complete`, auth, { form });
    if (!answer) return undefined;
    log.acked.push({ caseId: c.id, taskId, step });
    return answer.body as CaseBody;
  };

  const register = async (kind: string, due: number, house: string, description: string) => {
    const answer = await post(kind, due, '/api/cases', o.auth.officer, {
      buildingCode: house,
      category: 'structure_damage',
      severity: 'general',
      description,
    });
    if (!answer) log.registrationsGivenUp++;
    return answer?.body as CaseBody | undefined;
  };

  const closedCase = async (due: number, i: number) => {
    const registered = await register('case.register', due, o.houses.village[i % o.houses.village.length] as string, `压力测试案件 ${i}`);
    if (!registered) return;
    let c = registered;
    log.expectations.push({ caseId: c.id, status: 'closed' });
    const assigned = await complete(c, 'assign', due + STEP_GAP_MS, o.auth.town, {
      responsibleParty: { name: '户主', relation: 'owner' },
      measures: ['repair_reinforce'],
    });
    if (!assigned) return;
    c = assigned;
    const photo = await request('case.upload', due + 2 * STEP_GAP_MS, `/api/cases/${c.id}/files`, {
      method: 'POST',
      auth: o.auth.inspector,
      bytes: tinyPng(),
      headers: { 'x-file-name': encodeURIComponent('整改照片.png') },
      idempotencyKey: randomUUID(),
    });
    if (!photo) return;
    const fileId = (photo.body as { id: string }).id;
    const rectified = await complete(c, 'rectify', due + 2 * STEP_GAP_MS, o.auth.inspector, { description: '已加固', fileIds: [fileId] });
    if (!rectified) return;
    const rechecked = await complete(rectified, 'recheck', due + 3 * STEP_GAP_MS, o.auth.inspector2, { result: 'pass' });
    if (!rechecked) return;
    await complete(rechecked, 'close', due + 4 * STEP_GAP_MS, o.auth.town, { signRemoved: true });
  };

  const unassignedCase = async (due: number, i: number) => {
    const c = await register('case.register', due, o.houses.village[i % o.houses.village.length] as string, `压力测试待分派案件 ${i}`);
    if (c) log.expectations.push({ caseId: c.id, status: 'assigning', escalations: 1 });
  };

  const inspection = async (due: number) => {
    const house = o.houses.town[nextHouse++ % o.houses.town.length] as string;
    const id = randomUUID();
    const answer = await request('inspection', due, '/api/inspections', {
      method: 'POST',
      auth: o.auth.town,
      idempotencyKey: randomUUID(),
      body: {
        id,
        buildingCode: house,
        judgement: 'some',
        hazards: [{ category: 'ancillary', description: '阳台栏杆松动' }],
        fileIds: [],
        position: null,
        inspectedAt: new Date(due).toISOString(),
      },
    });
    if (!answer) {
      log.registrationsGivenUp++;
      return;
    }
    log.inspections.push(id);
    const hazard = (answer.body as { hazards: { caseId: string | null; joined: boolean }[] }).hazards[0];
    // A house inspected again joins its open case: only a case it opened is known to be unassigned.
    if (hazard?.caseId && !hazard.joined && nextHouse <= o.houses.town.length)
      log.expectations.push({ caseId: hazard.caseId, status: 'assigning', escalations: 1 });
  };

  const complaint = async (due: number, i: number) => {
    const answer = await post('complaint', due, '/api/public/complaints', undefined, {
      buildingCode: o.houses.town[(i * 7) % o.houses.town.length],
      category: 'surroundings',
      description: `屋后边坡有落石 ${i}`,
      fileIds: [],
    });
    if (answer) log.complaints.push((answer.body as { trackingNo: string }).trackingNo);
  };

  const inbox = async (due: number, path: string, auth: string) => void (await request(`inbox ${path}`, due, path, { auth }));

  for (let i = 0; ; i++) {
    const due = start + i * interval;
    if (due >= end) break;
    running.push(
      closedCase(due, i),
      inbox(due + interval * 0.25, '/api/tasks?view=claimable', o.auth.town),
      inspection(due + interval * 0.5),
      complaint(due + interval * 0.6, i),
      inbox(due + interval * 0.75, '/api/tasks/counts', o.auth.inspector),
    );
    if (i % 2 === 1) running.push(unassignedCase(due + interval * 0.9, i));
    await sleep(Math.max(0, due + interval - Date.now()));
  }
  await Promise.all(running);
}
