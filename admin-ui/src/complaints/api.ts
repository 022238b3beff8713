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

export async function verifyComplaint(id: string, body: VerifyBody, idempotencyKey: string): Promise<Complaint> {
  return (await apiRequest(`${complaintPath(id)}/verify`, { method: 'POST', body, idempotencyKey })) as Complaint;
}
