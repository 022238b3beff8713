/**
 * The supervision simulator's state: what it has received, its failure controls, and the JSON snapshot that
 * carries de-duplication across restarts. Kept apart from the HTTP code in simulator.ts.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { DEFAULT_TOLERANCE_SECONDS } from '../../domain/supervision/signing.ts';
import type { AnchorPayload, EscalationPayload, SupervisionCallback } from '../../domain/supervision/types.ts';

/** Failure modes set through `POST /_control`. */
export interface SimulatorControl {
  /** Share of escalations answered 503, 0..1. */
  failRate: number;
  /** Wait before answering an escalation, to provoke the client's timeout. */
  delayMs: number;
  /** Answer every escalation 503, as during an outage. */
  down: boolean;
  /** Answer every escalation 422 with a reason, as when the system rejects the material. */
  refuse: boolean;
}

/** One attempt to deliver a callback to the platform. */
export interface CallbackDelivery {
  at: string;
  ok: boolean;
  status?: number;
  body?: string;
  error?: string;
}

/** One callback the simulator sent (or tried to send) about an escalation. */
export interface CallbackRecord {
  callback: SupervisionCallback;
  /** null when neither the escalation nor the options named a callback URL. */
  url: string | null;
  deliveries: CallbackDelivery[];
}

/** An accepted escalation, as recorded under its idempotency key. */
export interface ReceivedEscalation {
  receiptId: string;
  idempotencyKey: string;
  payload: EscalationPayload;
  receivedAt: string;
  /** Every delivery of this key, refused and failed ones included. */
  attempts: number;
  callbacks: CallbackRecord[];
}

/** Everything the simulator knows; tests read it directly. */
export interface SimulatorState {
  control: SimulatorControl;
  /** By idempotency key, in arrival order. */
  escalations: Map<string, ReceivedEscalation>;
  /** Deliveries per idempotency key, also for keys not (yet) accepted. */
  attempts: Map<string, number>;
  /** Message ids seen within the signature tolerance, with their timestamp (replay protection). */
  seenMessageIds: Map<string, number>;
  /** Anchors of the platform's audit trail, by number. */
  anchors: Map<number, ReceivedAnchor>;
}

export interface ReceivedAnchor extends AnchorPayload {
  receivedAt: string;
}

/** The escalation with this receipt id. */
export function byReceipt(state: SimulatorState, receiptId: string | undefined): ReceivedEscalation | undefined {
  for (const escalation of state.escalations.values()) if (escalation.receiptId === receiptId) return escalation;
  return undefined;
}

/** Ids older than the tolerance cannot pass verification again, so they need not be remembered. */
export function pruneSeen(state: SimulatorState): void {
  const oldest = Math.floor(Date.now() / 1000) - 2 * DEFAULT_TOLERANCE_SECONDS;
  for (const [id, timestamp] of state.seenMessageIds) if (timestamp < oldest) state.seenMessageIds.delete(id);
}

/** Applies a `POST /_control` body; returns the problem in Chinese when it is invalid (then nothing changes). */
export function applyControl(control: SimulatorControl, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return '请求体须为 JSON 对象';
  const { failRate, delayMs, down, refuse } = body as Partial<Record<keyof SimulatorControl, unknown>>;
  if (failRate !== undefined && (typeof failRate !== 'number' || !(failRate >= 0 && failRate <= 1))) return 'failRate 须为 0 到 1 之间的数';
  if (delayMs !== undefined && (!Number.isInteger(delayMs) || (delayMs as number) < 0 || (delayMs as number) > 600_000)) {
    return 'delayMs 须为 0 到 600000 之间的整数';
  }
  if (down !== undefined && typeof down !== 'boolean') return 'down 须为 true 或 false';
  if (refuse !== undefined && typeof refuse !== 'boolean') return 'refuse 须为 true 或 false';
  // Only the fields given change, so the page or a test can flip one switch without resending the rest.
  const given = Object.entries({ failRate, delayMs, down, refuse }).filter(([, value]) => value !== undefined);
  Object.assign(control, Object.fromEntries(given));
  return undefined;
}

/** The first missing or malformed field of an escalation, by path; minimal on purpose (a simulator). */
export function payloadProblem(p: EscalationPayload): string | undefined {
  if (typeof p !== 'object' || p === null) return '(root)';
  const str = (v: unknown) => typeof v === 'string' && v.length > 0;
  const obj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!str(p.caseId)) return 'caseId';
  if (!str(p.caseNumber)) return 'caseNumber';
  if (!Number.isInteger(p.escalationNo) || p.escalationNo < 1) return 'escalationNo';
  if (!str(p.reason)) return 'reason';
  if (!obj(p.building) || !str(p.building.code)) return 'building.code';
  if (!obj(p.hazard) || !str(p.hazard.category)) return 'hazard.category';
  if (!obj(p.step) || !str(p.step.elementId)) return 'step.elementId';
  if (!Array.isArray(p.history)) return 'history';
  if (!Array.isArray(p.evidence)) return 'evidence';
  // Optional: an empty or absent one falls back to the simulator's own callbackUrl option.
  if (p.callbackUrl && (typeof p.callbackUrl !== 'string' || !URL.canParse(p.callbackUrl))) return 'callbackUrl';
  if (!str(p.sentAt)) return 'sentAt';
  return undefined;
}

/** The first missing or malformed field of an anchor. */
export function anchorProblem(a: AnchorPayload): string | undefined {
  if (typeof a !== 'object' || a === null) return '(root)';
  if (!Number.isInteger(a.no) || a.no < 1) return 'no';
  if (typeof a.root !== 'string' || !/^[0-9a-f]{64}$/.test(a.root)) return 'root';
  if (!Number.isInteger(a.cases) || a.cases < 0) return 'cases';
  if (typeof a.createdAt !== 'string' || !a.createdAt) return 'createdAt';
  return undefined;
}

interface StoredState {
  anchors?: ReceivedAnchor[];
  escalations: ReceivedEscalation[];
  attempts: [string, number][];
  seenMessageIds: [string, number][];
}

/** The state stored in `file`, or a fresh one when there is no file (yet). */
export async function loadState(file: string | undefined): Promise<SimulatorState> {
  const state: SimulatorState = {
    control: { failRate: 0, delayMs: 0, down: false, refuse: false },
    escalations: new Map(),
    attempts: new Map(),
    seenMessageIds: new Map(),
    anchors: new Map(),
  };
  if (!file) return state;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return state;
    throw error;
  }
  let stored: StoredState;
  try {
    stored = JSON.parse(text) as StoredState;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); move it away to start afresh`);
  }
  for (const escalation of stored.escalations) state.escalations.set(escalation.idempotencyKey, escalation);
  state.attempts = new Map(stored.attempts);
  state.seenMessageIds = new Map(stored.seenMessageIds);
  state.anchors = new Map((stored.anchors ?? []).map((a) => [a.no, a]));
  return state;
}

/** Write-then-rename, so a crash mid-write leaves the previous snapshot rather than half a file. */
export async function writeState(file: string, state: SimulatorState): Promise<void> {
  const stored: StoredState = {
    escalations: [...state.escalations.values()],
    attempts: [...state.attempts],
    seenMessageIds: [...state.seenMessageIds],
    anchors: [...state.anchors.values()],
  };
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(stored, null, 1));
  await rename(temp, file);
}
