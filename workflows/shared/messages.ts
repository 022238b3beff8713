/**
 * What every workflow, activity and workflow client shares, defined once: who acts, and the type names
 * of the ApplicationFailures that cross between them. A failure is told apart by its type, never by its
 * message text (messages are for people and may change), so the thrower, the workflow's retry policy
 * and the API's HTTP mapping must all spell the type the same way. Pure: no Temporal import, so the
 * workflow bundle, the workers and the API may all import it.
 */

/** Who acts: the API passes the signed-in user, already authorised for the case's region. */
export interface Actor {
  id: string;
  name: string;
  role: string;
  regionCode: string;
}

/**
 * Why an update was refused, as the ApplicationFailure type its validator throws; the API maps each to
 * its HTTP status (409 for a stale or raced request, 403 for the wrong person, 422 for a broken rule).
 */
export const REFUSAL = { conflict: 'CaseConflict', forbidden: 'CaseForbidden', rule: 'CaseRule' } as const;

/** One of the update refusals' types. */
export type RefusalType = (typeof REFUSAL)[keyof typeof REFUSAL];

/**
 * Why an activity failed for good, as the ApplicationFailure type it throws: each is non-retryable (the
 * row is gone, or the far side said no), and a workflow that must react to one tests for its type.
 */
export const FAILURE = {
  /** The supervision system refused an escalation (the workflow opens a district task for it). */
  supervisionRefused: 'SupervisionRefused',
  /** A text message to send is not in the database. */
  smsMissing: 'SmsMissing',
  /** A case transition names a case that is not in the database. */
  caseMissing: 'CaseMissing',
  /** A verification names a complaint that is not in the database. */
  complaintMissing: 'ComplaintMissing',
  /** A complaint confirmed with no house to open its case on. */
  complaintWithoutHouse: 'ComplaintWithoutHouse',
  /** An import that cannot go on (its file is unreadable or its job gone); the workflow reports it. */
  importStopped: 'ImportStopped',
  /** A label batch workflow whose batch row is not in the database. */
  labelBatchMissing: 'LabelBatchMissing',
  /** A data-report workflow whose report row is not in the database. */
  dataReportMissing: 'DataReportMissing',
  /** A warning's handling names a warning that is not in the database. */
  warningMissing: 'WarningMissing',
  /** A bulletin workflow whose bulletin row is not in the database. */
  bulletinMissing: 'BulletinMissing',
} as const;

/** One of the activities' non-retryable failure types. */
export type FailureType = (typeof FAILURE)[keyof typeof FAILURE];
