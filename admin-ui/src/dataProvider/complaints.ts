/**
 * The complaint calls beyond react-admin's CRUD (which serves `complaints` lists and rows): the
 * complainant in full, which the API records in the audit log, the complaints waiting to be verified,
 * and the on-site verification, sent with the Idempotency-Key of the user action it belongs to.
 */
import type { Complaint, ComplaintContact, VerifyBody } from '../complaints/types.ts';
import { apiRequest } from '../http.ts';
import { fetchList, segment, url } from './request.ts';
import type { Page } from './request.ts';

const complaintPath = (id: string) => url(`/complaints/${segment(id)}`);

export interface ComplaintCalls {
  complaintContact(id: string): Promise<ComplaintContact>;
  /** A page of the complaints still to verify that the caller may see, soonest deadline first (the inbox's 待核实). */
  complaintsToVerify(params: { page: number; perPage: number }, signal?: AbortSignal): Promise<Page<Complaint>>;
  /** One on-site photo for the verification of a complaint; the verification then names it by the id returned. */
  uploadVerificationPhoto(id: string, photo: { blob: Blob; name: string }, idempotencyKey: string): Promise<string>;
  verifyComplaint(id: string, body: VerifyBody, idempotencyKey: string): Promise<Complaint>;
}

export const complaintCalls: ComplaintCalls = {
  async complaintContact(id) {
    return (await apiRequest(`${complaintPath(id)}/contact`)) as ComplaintContact;
  },

  async complaintsToVerify({ page, perPage }, signal) {
    const query = { status: 'verifying', sort: 'verifyDueAt', order: 'asc', page: String(page), perPage: String(perPage) };
    return fetchList<Complaint>('/complaints', query, signal);
  },

  async uploadVerificationPhoto(id, photo, idempotencyKey) {
    const file = { data: photo.blob, name: photo.name, type: photo.blob.type || 'image/jpeg' };
    const body = (await apiRequest(`${complaintPath(id)}/verification-files`, { method: 'POST', file, idempotencyKey })) as { id: string };
    return body.id;
  },

  async verifyComplaint(id, body, idempotencyKey) {
    return (await apiRequest(`${complaintPath(id)}/verify`, { method: 'POST', body, idempotencyKey })) as Complaint;
  },
};
