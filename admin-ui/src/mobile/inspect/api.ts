/**
 * The calls of the inspection form, on the framework-free `httpCore.ts` (no react-admin on the phone
 * pages): who is signed in, photo uploads and the inspection itself. Every failure is sorted into
 * what the phone should do next: keep the form and retry later, ask for a new sign-in, or show the
 * server's refusal.
 */
import type { Judgement } from '../../../../domain/buildings/enums.ts';
import type { CaseCategory } from '../../../../domain/cases/enums.ts';
import type { Role } from '../../../../domain/roles.ts';
import { csrfToken, drain, readJson, send } from '../../httpCore.ts';
import type { RequestParts } from '../../httpCore.ts';
import { INSPECT_TEXT } from './text.ts';
import { photoFile, refusal, signedInHere } from '../shared/api.ts';
import type { FieldProblem, OutgoingPhoto } from '../shared/api.ts';

export interface GeoPosition {
  latitude: number;
  longitude: number;
  accuracy: number;
}

export interface HazardInput {
  category: CaseCategory;
  description: string;
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

/** Who is signed in; `unknown` when the server cannot be asked (offline), which is not a sign-out. */
export async function checkSession(signal: AbortSignal): Promise<Session> {
  if (!signedInHere()) return { kind: 'signedOut' };
  try {
    const response = await send('/api/auth/me', { signal });
    if (response.status === 401) return { kind: 'signedOut' };
    if (!response.ok) return { kind: 'unknown' };
    const body = (await readJson(response)) as { user?: SessionUser };
    return body.user ? { kind: 'signedIn', user: body.user } : { kind: 'signedOut' };
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'unknown' };
  }
}

/** A lost connection, a server failure or a busy server: try again later. */
const isTransient = (status: number) => status >= 500 || status === 408 || status === 429;

async function post(path: string, parts: RequestParts): Promise<unknown> {
  let response: Response;
  try {
    response = await send(path, { ...parts, method: 'POST', csrfToken: csrfToken() });
  } catch {
    throw new SendError({ kind: 'retry' });
  }
  if (response.ok) return readJson(response);
  if (isTransient(response.status)) {
    await drain(response);
    throw new SendError({ kind: 'retry' });
  }
  const { message, problems } = await refusal(response, INSPECT_TEXT.unknownError);
  throw new SendError(response.status === 401 ? { kind: 'signedOut', message } : { kind: 'refused', message, problems });
}

async function uploadPhoto(buildingCode: string, photo: OutgoingPhoto): Promise<string> {
  try {
    const path = `/api/inspection-files?buildingCode=${encodeURIComponent(buildingCode)}`;
    const body = (await post(path, { file: photoFile(photo) })) as { id: string };
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
  return (await post('/api/inspections', { body })) as InspectionResult;
}
