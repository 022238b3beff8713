/**
 * The case calls beyond react-admin's CRUD (which serves `cases` lists and rows): the audit trail,
 * cancel and escalate, and evidence files. Each mutation takes the Idempotency-Key of the user action
 * it belongs to (see `useActionKey`); an evidence upload makes its own, as it is one action alone.
 */
import type { CaseDetail, CaseEvents, CaseFile } from '../cases/types.ts';
import { apiRequest } from '../http.ts';
import { segment, url } from './request.ts';
import { uploadWithProgress } from './upload.ts';

/** The API path of a case, for `apiRequest` (`/api/…`) or, without the prefix, `download`. */
export const casePath = (id: string) => `/cases/${segment(id)}`;

/** Where the browser loads an evidence file (the session cookie authenticates it). */
export const caseFileUrl = (caseId: string, fileId: string) => url(`${casePath(caseId)}/files/${segment(fileId)}`);

export interface CaseCalls {
  /** The case's audit trail. */
  caseEvents(id: string, signal?: AbortSignal): Promise<CaseEvents>;
  /** A district officer withdraws the case (e.g. an unfounded complaint). */
  cancelCase(id: string, reason: string, idempotencyKey: string): Promise<CaseDetail>;
  /** An officer sends the case to the government supervision system (督办). */
  escalateCase(id: string, reason: string, idempotencyKey: string): Promise<CaseDetail>;
  /** One evidence file as the raw body, reporting progress; refusals reject with an `UploadError`. */
  uploadCaseFile(caseId: string, file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<CaseFile>;
}

export const caseCalls: CaseCalls = {
  async caseEvents(id, signal) {
    return (await apiRequest(url(`${casePath(id)}/events`), { signal })) as CaseEvents;
  },

  async cancelCase(id, reason, idempotencyKey) {
    return (await apiRequest(url(`${casePath(id)}/cancel`), { method: 'POST', body: { reason }, idempotencyKey })) as CaseDetail;
  },

  async escalateCase(id, reason, idempotencyKey) {
    return (await apiRequest(url(`${casePath(id)}/escalate`), { method: 'POST', body: { reason }, idempotencyKey })) as CaseDetail;
  },

  async uploadCaseFile(caseId, file, onProgress, signal) {
    return (await uploadWithProgress(url(`${casePath(caseId)}/files`), file, onProgress, signal)) as CaseFile;
  },
};
