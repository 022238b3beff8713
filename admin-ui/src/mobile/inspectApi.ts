/**
 * The calls of the inspection form, with plain `fetch` (no react-admin on the phone pages): who is
 * signed in, photo uploads and the inspection itself. Every failure is sorted into what the phone
 * should do next: keep the form and retry later, ask for a new sign-in, or show the server's refusal.
 */
import type { Judgement } from '../../../domain/buildings/enums.ts';
import type { CaseCategory } from '../../../domain/cases/enums.ts';
import type { Role } from '../../../domain/roles.ts';
import { INSPECT_TEXT } from './inspectText.ts';

export interface GeoPosition {
  latitude: number;
  longitude: number;
  accuracy: number;
}

export interface HazardInput {
  category: CaseCategory;
  description: string;
}

/** A photo of a form; `fileId` is set once the server holds it, so a re-send does not upload it again. */
export interface OutgoingPhoto {
  key: string;
  name: string;
  blob: Blob;
  fileId?: string;
}

/** A filled form, ready to send now or later; `id` is made when the form opens and never changes. */
export interface OutgoingInspection {
  id: string;
  buildingCode: string;
  address: string;
  judgement: Judgement;
  hazards: HazardInput[];
  notes: string;
  position: GeoPosition | null;
  inspectedAt: string;
  photos: OutgoingPhoto[];
  /** The special inspection the form was opened for, if any. */
  campaignId?: string;
}

/** `POST /api/inspections`'s answer, as far as the phone reads it. */
export interface InspectionResult {
  id: string;
  buildingCode: string;
  address: string;
  judgement: Judgement;
  hazards: { category: CaseCategory; description: string; caseId: string | null; caseNumber: string | null; joined: boolean }[];
  presence: 'near' | 'far' | 'missing' | 'unverifiable';
  flagged: boolean;
}

/** One field problem as the API names it (`body.hazards.0.description`), or `photos` for an upload. */
export interface FieldProblem {
  field: string;
  message: string;
  /** The field's Chinese name that begins `message` (整改责任人：必填), when the API gives one. */
  label?: string;
}

/** A problem's message without the field's name in front, for showing beside the field itself. */
export function problemText(problem: FieldProblem): string {
  if (problem.label && problem.message.startsWith(`${problem.label}：`)) return problem.message.slice(problem.label.length + 1);
  return problem.message.replace(/^[\w.]+：/, '');
}

export type SendFailure =
  { kind: 'retry' } | { kind: 'signedOut'; message: string } | { kind: 'refused'; message: string; problems: FieldProblem[] };

export class SendError extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.kind === 'retry' ? 'network' : failure.message);
  }
}

export interface SessionUser {
  name: string;
  role: Role;
  regionCode: string;
}

export type Session = { kind: 'signedIn'; user: SessionUser } | { kind: 'signedOut' } | { kind: 'unknown' };

/** The CSRF token of a session on this browser, if any: the API asks for it on every POST a session cookie rides on. */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'ydym_csrf') return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** True when someone signed in on this browser (the session may have expired since). */
export const signedInHere = () => csrfToken() !== undefined;

/** Who is signed in; `unknown` when the server cannot be asked (offline), which is not a sign-out. */
export async function checkSession(signal: AbortSignal): Promise<Session> {
  if (csrfToken() === undefined) return { kind: 'signedOut' };
  try {
    const response = await fetch('/api/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
    if (response.status === 401) return { kind: 'signedOut' };
    if (!response.ok) return { kind: 'unknown' };
    const body = (await response.json()) as { user?: SessionUser };
    return body.user ? { kind: 'signedIn', user: body.user } : { kind: 'signedOut' };
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'unknown' };
  }
}

/** A refused request's message and the fields it names (`details[].field`, or the error's own `field`). */
export async function refusal(response: Response): Promise<{ message: string; problems: FieldProblem[] }> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown; field?: unknown; details?: unknown } };
    const message = typeof body.error?.message === 'string' ? body.error.message : INSPECT_TEXT.unknownError;
    const details = Array.isArray(body.error?.details) ? (body.error.details as unknown[]) : [];
    const problems = details.flatMap((d): FieldProblem[] => {
      const p = d as { field?: unknown; message?: unknown; label?: unknown };
      if (typeof p.field !== 'string' || typeof p.message !== 'string') return [];
      return [{ field: p.field, message: p.message, ...(typeof p.label === 'string' ? { label: p.label } : {}) }];
    });
    if (problems.length === 0 && typeof body.error?.field === 'string') problems.push({ field: body.error.field, message });
    return { message, problems };
  } catch {
    return { message: INSPECT_TEXT.unknownError, problems: [] };
  }
}

/** A lost connection, a server failure or a busy server: try again later. */
const isTransient = (status: number) => status >= 500 || status === 408 || status === 429;

async function post(path: string, body: BodyInit, headers: Record<string, string>): Promise<unknown> {
  const csrf = csrfToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}), ...headers },
      body,
    });
  } catch {
    throw new SendError({ kind: 'retry' });
  }
  if (response.ok) return response.json();
  if (isTransient(response.status)) {
    await response.arrayBuffer().catch(() => undefined);
    throw new SendError({ kind: 'retry' });
  }
  const { message, problems } = await refusal(response);
  throw new SendError(response.status === 401 ? { kind: 'signedOut', message } : { kind: 'refused', message, problems });
}

async function uploadPhoto(buildingCode: string, photo: OutgoingPhoto): Promise<string> {
  try {
    const body = (await post(`/api/inspection-files?buildingCode=${encodeURIComponent(buildingCode)}`, photo.blob, {
      'Content-Type': photo.blob.type || 'application/octet-stream',
      'X-File-Name': encodeURIComponent(photo.name),
    })) as { id: string };
    return body.id;
  } catch (error) {
    if (error instanceof SendError && error.failure.kind === 'refused') {
      const message = INSPECT_TEXT.photoRefused(photo.name, error.failure.message);
      throw new SendError({ kind: 'refused', message, problems: [{ field: 'photos', message }] });
    }
    throw error;
  }
}

/**
 * Sends a form: the photos the server does not hold yet (each reported through `onUploaded`, so a
 * later retry skips it), then the inspection under its own id, which the server records once.
 */
export async function deliver(
  form: OutgoingInspection,
  onUploaded: (form: OutgoingInspection) => Promise<void>,
): Promise<InspectionResult> {
  for (const photo of form.photos) {
    if (photo.fileId) continue;
    photo.fileId = await uploadPhoto(form.buildingCode, photo);
    await onUploaded(form);
  }
  const body = {
    id: form.id,
    buildingCode: form.buildingCode,
    judgement: form.judgement,
    hazards: form.hazards,
    ...(form.notes ? { notes: form.notes } : {}),
    fileIds: form.photos.map((p) => p.fileId),
    position: form.position,
    inspectedAt: form.inspectedAt,
    ...(form.campaignId ? { campaignId: form.campaignId } : {}),
  };
  return (await post('/api/inspections', JSON.stringify(body), { 'Content-Type': 'application/json' })) as InspectionResult;
}

/**
 * A v4 UUID for a new form or photo. `crypto.randomUUID` exists only in secure contexts and a
 * phone may open the platform over plain HTTP on an intranet address, so fall back to
 * `getRandomValues` (admin-ui/src/http.ts does the same, but importing it would pull react-admin in).
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
