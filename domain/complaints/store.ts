/**
 * Complaints as officers read them (the complainant masked unless asked for in full, which is audited)
 * and as the citizen reads them on the progress page (status, dates, replies; nothing internal), and the
 * store interface behind them: `DatabaseComplaintStore` (database-store.ts) holds the SQL.
 */
import type { AppAbility } from '../abilities.ts';
import type { CaseCategory } from '../cases/enums.ts';
import type { Db } from '../db.ts';
import type { Presence } from '../inspections/presence.ts';
import type { ListParams, ListResult } from '../paging.ts';

/** The fields a complaint list may be sorted by. */
export const COMPLAINT_SORT_FIELDS = ['createdAt', 'verifyDueAt'] as const;

export type ComplaintStatus = 'verifying' | 'confirmed' | 'unfounded';

export interface Notice {
  seq: number;
  status: string;
  text: string;
  at: string;
}

export interface Complaint {
  id: string;
  trackingNo: string;
  channel: 'web' | 'open311';
  buildingCode: string | null;
  address: string | null;
  regionCode: string;
  villageName: string | null;
  position: { latitude: number; longitude: number } | null;
  category: CaseCategory;
  description: string;
  mediaUrl: string | null;
  contact: { name: string | null; phone: string | null };
  status: ComplaintStatus;
  overdue: boolean;
  verifyDueAt: string;
  verifiedAt: string | null;
  verifiedByName: string | null;
  verifyNote: string | null;
  /** Where the verifier's phone was; null when verified without a position (or before this was kept). */
  verifyPosition: { latitude: number; longitude: number; accuracy: number | null } | null;
  /** Metres from the house (or the citizen's point) to the verifier's phone. */
  verifyDistanceM: number | null;
  verifyPresence: Presence | null;
  /** The verifier's on-site photos (`GET /api/complaint-verification-files/:id`). */
  verifyFiles: { id: string; name: string; mime: string; size: number }[];
  reply: string | null;
  caseId: string | null;
  caseNumber: string | null;
  caseStatus: string | null;
  joinedCase: boolean | null;
  files: { id: string; name: string; mime: string; size: number }[];
  notifications: Notice[];
  createdAt: string;
}

export interface ComplaintFilter {
  regionCode?: string | undefined;
  buildingCode?: string | undefined;
  status?: ComplaintStatus | undefined;
  overdue?: boolean | undefined;
  category?: CaseCategory | undefined;
  trackingNo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The Beijing day of the verification (confirmed or unfounded), inclusive. */
  verifiedFrom?: string | undefined;
  verifiedTo?: string | undefined;
}

/** The citizen's view: what happened and when, in plain words; no names, notes or internal codes. */
export interface Progress {
  trackingNo: string;
  category: CaseCategory;
  address: string | null;
  status: 'verifying' | 'verify_overdue' | 'rectifying' | 'rectified' | 'withdrawn' | 'unfounded';
  createdAt: string;
  verifyDueAt: string;
  verifiedAt: string | null;
  reply: string | null;
  case: { number: string; closedAt: string | null } | null;
  notifications: { text: string; at: string }[];
}

export function toProgress(c: Complaint & { caseClosedAt?: string | null }): Progress {
  let status: Progress['status'] = c.overdue ? 'verify_overdue' : 'verifying';
  if (c.status === 'unfounded') status = 'unfounded';
  if (c.status === 'confirmed')
    status = c.caseStatus === 'closed' ? 'rectified' : c.caseStatus === 'cancelled' ? 'withdrawn' : 'rectifying';
  return {
    trackingNo: c.trackingNo,
    category: c.category,
    address: c.address,
    status,
    createdAt: c.createdAt,
    verifyDueAt: c.verifyDueAt,
    verifiedAt: c.verifiedAt,
    reply: c.reply,
    case: c.caseNumber ? { number: c.caseNumber, closedAt: c.caseClosedAt ?? null } : null,
    notifications: c.notifications.map((n) => ({ text: n.text, at: n.at })),
  };
}

/** A complaint as the house file lists it (no complainant). */
export interface HouseComplaint {
  id: string;
  trackingNo: string;
  category: CaseCategory;
  status: ComplaintStatus;
  overdue: boolean;
  caseNumber: string | null;
  createdAt: string;
}

/** A complaint to write: the service has checked it; the store makes its tracking number and due time. */
export interface NewComplaint {
  /** The random tail of the tracking number (`TS` + the day in Beijing time + this). */
  trackingTail: string;
  secretHash: string;
  channel: Complaint['channel'];
  buildingCode: string | null;
  regionCode: string;
  position: { latitude: number; longitude: number } | null;
  category: CaseCategory;
  description: string;
  mediaUrl: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** Seconds from now to the verification deadline. */
  verifySeconds: number;
  clientHash: string;
  /** The filing request's Idempotency-Key hash, when it had one (see `filedBy`). */
  requestRef?: string | null;
}

/** What writing a complaint gives back. */
export interface CreatedComplaint {
  id: string;
  trackingNo: string;
  regionCode: string;
  verifyDueAt: string;
}

/** Where a stored complaint photo is, and the region of its complaint (to check who may read it). */
export interface ComplaintPhoto {
  storageKey: string;
  mime: string;
  regionCode: string;
}

/** A throttle hit: whether it is within the limit, and the seconds until its window ends (for Retry-After). */
export interface Hit {
  allowed: boolean;
  retryAfter: number;
}

/** The rows a sender wrote that their hourly limits count. */
export type SenderRows = 'complaints' | 'photos';

/** A complaint as it stands when its verification is recorded. */
export interface VerificationSubject {
  status: ComplaintStatus;
  caseId: string | null;
  buildingCode: string | null;
  position: { latitude: number; longitude: number } | null;
  category: CaseCategory;
  description: string;
}

/** The verification as written on the complaint (the verdict's own fields and where the phone was). */
export interface Verdict {
  actor: { id: string; name: string };
  note: string | null;
  reply: string;
  position: { latitude: number; longitude: number; accuracy: number | null } | null;
  distanceM: number | null;
  presence: Presence | null;
  outcome: { status: 'unfounded' } | { status: 'confirmed'; buildingCode: string; caseId: string; joined: boolean };
}

/** An Open311 request: only what the public may read, plus the names to mask wherever a notice repeats them. */
export interface PublicRequest {
  trackingNo: string;
  status: ComplaintStatus;
  caseStatus: string | null;
  category: CaseCategory;
  createdAt: string;
  updatedAt: string;
  verifyDueAt: string;
  regionCode: string;
  villageName: string | null;
  townName: string | null;
  lastNotice: string | null;
  /** Read only to mask them; never sent. */
  names: (string | null)[];
}

/** Which Open311 requests to list (newest first, at most `limit`). */
export type PublicRequestFilter = { limit: number } & (
  | { trackingNos: string[] }
  | { categories?: string[] | undefined; status?: 'open' | 'closed' | undefined; from: string; to?: string | undefined }
);

/** Complaints, their photos, notices and the abuse limits of citizens without an account. */
export interface ComplaintStore {
  /** A page of the complaints `ability` may read, complainant masked. */
  list(ability: AppAbility, params: ListParams & ComplaintFilter): Promise<ListResult<Complaint>>;
  /** One complaint, if `ability` may read it (`null`: unscoped, for the citizen's own answers); complainant masked. */
  find(ability: AppAbility | null, id: string): Promise<(Complaint & { caseClosedAt: string | null }) | undefined>;
  /** The complaint of a tracking number (any case), with the hash of its secret; unscoped (the secret guards it). */
  byTrackingNo(trackingNo: string): Promise<(Complaint & { caseClosedAt: string | null; secretHash: string }) | undefined>;
  /** The complainant's identity in full (the caller checks the role and audits the view). */
  fullContact(id: string): Promise<{ name: string | null; phone: string | null }>;
  /** Complaints written longer than `olderThanMs` ago whose workflow may not have started (the sweeper's question), oldest first. */
  unstarted(olderThanMs: number, limit?: number): Promise<{ id: string; regionCode: string; verifyDueAt: string }[]>;
  /** Notes that the complaint's workflow started (once; later calls change nothing). */
  markStarted(id: string): Promise<void>;
  /** Writes a complaint; throws the database's unique violation when its random tracking number was taken. */
  create(input: NewComplaint, tx?: Db): Promise<CreatedComplaint>;
  /**
   * The complaint an earlier try of the same request filed (its Idempotency-Key hash), its secret
   * replaced by `secretHash`: that try failed after its commit, so its sender never saw the old one.
   */
  refiled(requestRef: string, secretHash: string, tx?: Db): Promise<CreatedComplaint | undefined>;
  /** Ties the citizen's uploaded photos to their complaint. */
  attachFiles(complaintId: string, fileIds: string[], tx?: Db): Promise<void>;
  /** Appends the complaint's next progress notice (numbered on the complaint row). */
  appendNotice(complaintId: string, status: string, text: string, tx?: Db): Promise<void>;
  /** Of `ids`, the citizen photos uploaded in the last day, stored and not yet attached to a complaint. */
  freshUploads(ids: string[]): Promise<string[]>;
  /** Of `ids`, the verifier's own stored photos for this complaint not yet part of a verification. */
  verificationDrafts(complaintId: string, userId: string, ids: string[]): Promise<string[]>;
  /** A citizen photo, or a verification photo attached to a recorded verification; unscoped (the caller checks the region). */
  photo(kind: 'citizen' | 'verification', id: string): Promise<ComplaintPhoto | undefined>;
  /**
   * Takes transaction-scoped locks on `keys` in the order given, so that what is counted under them and
   * then written in `tx` cannot be passed by a parallel request; a wait of more than a few seconds is
   * refused as too frequent (a RateLimitError).
   */
  lockSenders(keys: string[], tx: Db): Promise<void>;
  /** How many complaints (or photos) one sender wrote in the last hour. */
  sentInLastHour(rows: SenderRows, clientHash: string, tx?: Db): Promise<number>;
  /** How many complaints gave this phone in the last day. */
  filedByPhoneToday(phone: string, tx?: Db): Promise<number>;
  /** Counts one progress lookup on `key` (atomically, across processes) and says whether it is within `limit`. */
  hitLookup(key: string, limit: number): Promise<Hit>;
  /** Takes back a lookup hit (a lookup that gave the right secret is no guess). */
  refundLookup(key: string): Promise<void>;
  /** The complaint locked for its verification in `tx`. */
  lockForVerification(id: string, tx: Db): Promise<VerificationSubject | undefined>;
  /** Marks the verifier's photos as part of the recorded verification. */
  attachVerificationFiles(complaintId: string, fileIds: string[], tx?: Db): Promise<void>;
  /** Writes the verification on the complaint. */
  recordVerdict(id: string, verdict: Verdict, tx?: Db): Promise<void>;
  /** Marks a complaint still verifying as overdue; false when it was already (or is no longer verifying). */
  markOverdue(id: string, tx?: Db): Promise<boolean>;
  /** Open311's requests (public fields only). */
  publicRequests(filter: PublicRequestFilter): Promise<PublicRequest[]>;
}
