/**
 * The soak's verdict, pure: the client's log of what the platform acknowledged, against what the database
 * and the supervision system hold once the load has drained. Each problem is one line of the report; an
 * empty list is a pass.
 */

/** A task completion the platform answered 2xx. */
export interface AckedStep {
  caseId: string;
  taskId: string;
  step: string;
}

/** One row of `case_events` that matters here. */
export interface CaseEvent {
  caseId: string;
  type: string;
  taskId: string | null;
}

/** What a case must look like at the end, by how the load drove it. */
export interface Expectation {
  caseId: string;
  /** Its status. */
  status: string;
  /** How many escalations it must have (undefined: any number the deadlines explain). */
  escalations?: number;
}

export interface CaseRow {
  id: string;
  number: string;
  status: string;
}

export interface EscalationRow {
  caseId: string;
  no: number;
  reason: string;
  status: string;
  receiptId: string | null;
}

/** An escalation the supervision system recorded, under the idempotency key `<caseId>:<no>`. */
export interface ReceivedEscalation {
  idempotencyKey: string;
  receiptId: string;
}

export interface SoakFacts {
  acked: AckedStep[];
  events: CaseEvent[];
  cases: CaseRow[];
  expectations: Expectation[];
  escalations: EscalationRow[];
  received: ReceivedEscalation[];
  /** Tracking numbers of complaints answered 201, and those stored. */
  complaints: { acked: string[]; stored: string[] };
  /** Ids of inspections answered 200/201, and those stored. */
  inspections: { acked: string[]; stored: string[] };
  /** Case registrations and inspections the client gave up on: each may have opened one case it never heard of. */
  registrationsGivenUp: number;
}

const count = <T>(xs: T[], key: (x: T) => string) => {
  const out = new Map<string, number>();
  for (const x of xs) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
};

/** Steps acknowledged but not recorded (lost), and steps recorded more than once (applied twice). */
export function checkSteps(acked: AckedStep[], events: CaseEvent[]): string[] {
  const problems: string[] = [];
  const completed = count(
    events.filter((e) => e.type === 'task.completed' && e.taskId),
    (e) => `${e.caseId}/${e.taskId}`,
  );
  for (const a of acked) {
    const n = completed.get(`${a.caseId}/${a.taskId}`) ?? 0;
    if (n === 0) problems.push(`lost step: case ${a.caseId} ${a.step} (task ${a.taskId}) was acknowledged but is not in its history`);
  }
  for (const [key, n] of completed) if (n > 1) problems.push(`step applied ${n} times: case/task ${key}`);
  return problems;
}

/** Each case in its expected state, with the escalations its deadlines explain (one per overdue task, each task overdue at most once). */
export function checkCases(facts: Pick<SoakFacts, 'cases' | 'expectations' | 'escalations' | 'events'>): string[] {
  const problems: string[] = [];
  const byId = new Map(facts.cases.map((c) => [c.id, c]));
  const escalations = count(facts.escalations, (e) => e.caseId);
  for (const x of facts.expectations) {
    const c = byId.get(x.caseId);
    if (!c) {
      problems.push(`case ${x.caseId} is missing`);
      continue;
    }
    if (c.status !== x.status) problems.push(`case ${c.number} is ${c.status}, expected ${x.status}`);
    const n = escalations.get(x.caseId) ?? 0;
    if (x.escalations !== undefined && n !== x.escalations)
      problems.push(`case ${c.number} has ${n} escalations, expected ${x.escalations}`);
  }
  const overdue = count(
    facts.events.filter((e) => e.type === 'task.overdue' && e.taskId),
    (e) => `${e.caseId}/${e.taskId}`,
  );
  for (const [key, n] of overdue) if (n > 1) problems.push(`task overdue ${n} times: case/task ${key}`);
  const overduePerCase = count([...overdue.keys()], (key) => key.split('/')[0] as string);
  const overdueEscalations = count(
    facts.escalations.filter((e) => e.reason === 'overdue'),
    (e) => e.caseId,
  );
  for (const id of new Set([...overduePerCase.keys(), ...overdueEscalations.keys()])) {
    const tasks = overduePerCase.get(id) ?? 0;
    const sent = overdueEscalations.get(id) ?? 0;
    if (tasks !== sent) problems.push(`case ${byId.get(id)?.number ?? id}: ${tasks} overdue tasks but ${sent} overdue escalations`);
  }
  return problems;
}

/** Every escalation delivered and recorded by the supervision system exactly once, with the receipt the platform holds; nothing else received. */
export function checkEscalations(escalations: EscalationRow[], received: ReceivedEscalation[]): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, ReceivedEscalation[]>();
  for (const r of received) byKey.set(r.idempotencyKey, [...(byKey.get(r.idempotencyKey) ?? []), r]);
  const known = new Set<string>();
  for (const e of escalations) {
    const key = `${e.caseId}:${e.no}`;
    known.add(key);
    const got = byKey.get(key) ?? [];
    if (e.status === 'sending') problems.push(`escalation ${key} is still being sent`);
    if (got.length === 0) problems.push(`escalation ${key} never reached the supervision system`);
    else if (got.length > 1) problems.push(`escalation ${key} recorded ${got.length} times by the supervision system`);
    else if (e.receiptId !== got[0]?.receiptId)
      problems.push(`escalation ${key}: receipt ${e.receiptId} on the case, ${got[0]?.receiptId} at the supervision system`);
  }
  for (const key of byKey.keys()) if (!known.has(key)) problems.push(`the supervision system received ${key}, which no case sent`);
  return problems;
}

/** Every complaint and inspection acknowledged to its sender is stored. */
export function checkIntake(facts: Pick<SoakFacts, 'complaints' | 'inspections'>): string[] {
  const missing = (what: string, { acked, stored }: { acked: string[]; stored: string[] }) => {
    const have = new Set(stored);
    return acked.filter((x) => !have.has(x)).map((x) => `${what} ${x} was acknowledged but is not stored`);
  };
  return [...missing('complaint', facts.complaints), ...missing('inspection', facts.inspections)];
}

/**
 * No case that nobody asked for: every case is one the load knows (registered and acknowledged, or opened
 * by an acknowledged inspection), but for at most one per registration or inspection it gave up on. More means a
 * registration retried with its Idempotency-Key made a second case.
 */
export function checkUnknownCases(facts: Pick<SoakFacts, 'cases' | 'expectations' | 'registrationsGivenUp'>): string[] {
  const known = new Set(facts.expectations.map((x) => x.caseId));
  const unknown = facts.cases.filter((c) => !known.has(c.id));
  if (unknown.length <= facts.registrationsGivenUp) return [];
  const examples = unknown.slice(0, 3).map((c) => c.number);
  return [
    `${unknown.length} cases nobody was told of (at most ${facts.registrationsGivenUp} registrations were given up): a retried registration made a second case (e.g. ${examples.join(', ')})`,
  ];
}

export function checkSoak(facts: SoakFacts): string[] {
  return [
    ...checkSteps(facts.acked, facts.events),
    ...checkCases(facts),
    ...checkUnknownCases(facts),
    ...checkEscalations(facts.escalations, facts.received),
    ...checkIntake(facts),
  ];
}
