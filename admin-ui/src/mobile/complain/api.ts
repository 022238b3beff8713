/**
 * The citizen's complaint calls, on the framework-free `httpCore.ts` (no react-admin on the phone
 * pages) and no account: each photo uploaded by its content, the complaint itself, and the progress page by
 * tracking number and secret (sent in the body, never in a URL). Every answer is either the value
 * or the server's refusal with the fields it names, for the form to show next to them.
 */
import type { CaseCategory } from '../../../../domain/cases/enums.ts';
import type { Progress } from '../../../../domain/complaints/store.ts';
import { csrfToken, readJson, send } from '../../httpCore.ts';
import type { RequestParts } from '../../httpCore.ts';
import { photoFile, refusal } from '../shared/api.ts';
import type { FieldProblem, OutgoingPhoto } from '../shared/api.ts';
import { INSPECT_TEXT } from '../inspect/text.ts';

export type { Progress };

/** `POST /api/public/complaints`'s answer: the secret is shown once, here. */
export interface Filed {
  trackingNo: string;
  secret: string;
  progress: Progress;
}

/** A refusal; status 0 when the request never reached the server. */
export interface Refused {
  ok: false;
  status: number;
  message: string;
  problems: FieldProblem[];
}

export type Answer<T> = { ok: true; value: T } | Refused;

/** Where the complaint is: a scanned house, or the position the citizen gave. */
export type ComplaintPlace = { buildingCode: string } | { position: { latitude: number; longitude: number } };

export interface OutgoingComplaint {
  place: ComplaintPlace;
  category: CaseCategory;
  description: string;
  name: string;
  phone: string;
  photos: OutgoingPhoto[];
}

async function post<T>(path: string, parts: RequestParts): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await send(path, { ...parts, method: 'POST', csrfToken: csrfToken() });
  } catch (error) {
    if (parts.signal?.aborted) throw error;
    return { ok: false, status: 0, message: '', problems: [] };
  }
  if (response.ok) return { ok: true, value: (await readJson(response)) as T };
  return { ok: false, status: response.status, ...(await refusal(response, INSPECT_TEXT.unknownError)) };
}

/** Uploads one photo as the raw body, typed as the image it is; the answer's id goes in `fileIds`. */
export function uploadComplaintPhoto(photo: OutgoingPhoto): Promise<Answer<{ id: string }>> {
  return post('/api/public/complaint-files', { file: photoFile(photo) });
}

/**
 * Uploads the photos the server does not hold yet (their ids kept in `uploaded` by photo key, so a
 * second try after a refusal does not upload them again), then files the complaint under `key`: a
 * try repeated after a lost answer gets the complaint already filed, not a second one.
 */
export async function fileComplaint(
  complaint: OutgoingComplaint,
  key: string,
  uploaded: Map<string, string>,
  onUpload: (done: number, total: number) => void,
): Promise<Answer<Filed>> {
  const missing = complaint.photos.filter((p) => !uploaded.has(p.key));
  for (const [i, photo] of missing.entries()) {
    onUpload(i, missing.length);
    const answer = await uploadComplaintPhoto(photo);
    if (!answer.ok) {
      if (answer.status === 0) return answer;
      const message = INSPECT_TEXT.photoRefused(photo.name, answer.message);
      return { ...answer, message, problems: [{ field: 'photos', message }] };
    }
    uploaded.set(photo.key, answer.value.id);
  }
  const phone = complaint.phone.replace(/[\s-]/g, '');
  const name = complaint.name.trim();
  const body = {
    ...complaint.place,
    category: complaint.category,
    description: complaint.description.trim(),
    ...(name ? { name } : {}),
    ...(phone ? { phone } : {}),
    fileIds: complaint.photos.map((p) => uploaded.get(p.key)),
  };
  return post('/api/public/complaints', { body, idempotencyKey: key });
}

/** The progress page of a complaint; a wrong number and a wrong secret get the same 404. */
export function lookUpProgress(trackingNo: string, secret: string, signal?: AbortSignal): Promise<Answer<Progress>> {
  return post<Progress>('/api/public/complaints/progress', { body: { trackingNo, secret }, signal });
}
