/**
 * The complaint calls beyond react-admin's CRUD (which `dataProvider` serves for `complaints`): the
 * complainant in full, which the API records in the audit log, and the on-site verification, sent
 * with the Idempotency-Key of the user action it belongs to (see `useActionKey`).
 */
import { apiRequest } from '../http.ts';
import type { Complaint, ComplaintContact, VerifyBody } from './types.ts';

const complaintPath = (id: string) => `/api/complaints/${encodeURIComponent(id)}`;

export async function fetchComplaintContact(id: string): Promise<ComplaintContact> {
  return (await apiRequest(`${complaintPath(id)}/contact`)) as ComplaintContact;
}

/** A page of the complaints still to verify that the caller may see, soonest deadline first (the inbox's 待核实). */
export async function fetchComplaintsToVerify(
  params: { page: number; perPage: number },
  signal?: AbortSignal,
): Promise<{ data: Complaint[]; total: number }> {
  const search = new URLSearchParams({
    status: 'verifying',
    sort: 'verifyDueAt',
    order: 'asc',
    page: String(params.page),
    perPage: String(params.perPage),
  });
  return (await apiRequest(`/api/complaints?${search}`, { signal })) as { data: Complaint[]; total: number };
}

/** One on-site photo for the verification of a complaint; the verification then names it by id. */
export async function uploadVerificationPhoto(id: string, photo: { blob: Blob; name: string }, idempotencyKey: string): Promise<string> {
  const file = { data: photo.blob, name: photo.name, type: photo.blob.type || 'image/jpeg' };
  const body = (await apiRequest(`${complaintPath(id)}/verification-files`, { method: 'POST', file, idempotencyKey })) as { id: string };
  return body.id;
}

export async function verifyComplaint(id: string, body: VerifyBody, idempotencyKey: string): Promise<Complaint> {
  return (await apiRequest(`${complaintPath(id)}/verify`, { method: 'POST', body, idempotencyKey })) as Complaint;
}
