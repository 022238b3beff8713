/**
 * Complaint shapes as the API returns them (`/api/complaints…`; lists come without photos and
 * notifications): the API's own types, so the UI names exactly the values the API sends. The
 * complainant arrives masked; `ComplaintContact` is the audited full view.
 */
import type { Severity } from '../../../definitions/hazard-case/index.ts';
import type { CaseCategory } from '../../../domain/cases/enums.ts';
import type { Complaint, ComplaintStatus } from '../../../domain/complaints/store.ts';

export type { CaseCategory, Complaint, ComplaintStatus, Severity };

/** A photo the citizen attached (`GET /api/complaint-files/:id`). */
export type ComplaintFile = Complaint['files'][number];

/** One message the citizen reads on the progress page. */
export type ComplaintNotice = Complaint['notifications'][number];

/** `GET /api/complaints/:id/contact`: the complainant in full (each call is audited). */
export interface ComplaintContact {
  name: string | null;
  phone: string | null;
}

/** `POST /api/complaints/:id/verify`. */
export interface VerifyBody {
  result: 'confirmed' | 'unfounded';
  reply: string;
  severity?: Severity;
  buildingCode?: string;
  note?: string;
  /** The verifier's on-site photos, uploaded beforehand. */
  fileIds?: string[];
  /** Where the phone was; null when it could not tell. */
  position?: { latitude: number; longitude: number; accuracy?: number } | null;
}

/**
 * Where a complaint stands as officers read it: still to verify (split by whether the deadline has
 * passed), confirmed (a case was opened or joined) or unfounded.
 */
export type ComplaintState = 'verifying' | 'overdue' | 'confirmed' | 'unfounded';

export const complaintState = (c: Pick<Complaint, 'status' | 'overdue'>): ComplaintState =>
  c.status === 'verifying' ? (c.overdue ? 'overdue' : 'verifying') : c.status;

/** Where a complaint photo loads from; the session cookie authenticates it. */
export const complaintFileUrl = (fileId: string) => `/api/complaint-files/${encodeURIComponent(fileId)}`;

/** Where a photo of the on-site verification loads from. */
export const verificationFileUrl = (fileId: string) => `/api/complaint-verification-files/${encodeURIComponent(fileId)}`;

/** The page of one complaint, as the `complaints` resource routes it. */
export const complaintPage = (id: string) => `/complaints/${encodeURIComponent(id)}/show`;
