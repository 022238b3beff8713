/**
 * Anchoring the case trail, run by a Temporal schedule: records the head of every case chain and their
 * Merkle root (append-only, in the database), appends the anchors to the file the auditor keeps, and
 * sends the root to the supervision system when one is configured. Each step is its own activity, so a
 * failed export or delivery is retried without writing a second anchor.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { AnchorActivities } from '../../workers/activities/anchors.ts';

const { writeAuditAnchor } = proxyActivities<AnchorActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', maximumAttempts: 5 },
});
const { exportAuditAnchors, sendAuditAnchor } = proxyActivities<AnchorActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', maximumAttempts: 10 },
});

export interface AuditAnchorResult {
  no: number;
  root: string;
  cases: number;
  /** Anchors appended to the file by this run (earlier ones a failed run left behind included). */
  exported: number;
  /** Whether the supervision system took the root (false when none is configured). */
  sent: boolean;
}

export async function auditAnchorWorkflow(): Promise<AuditAnchorResult> {
  const anchor = await writeAuditAnchor();
  const exported = await exportAuditAnchors();
  const sent = await sendAuditAnchor(anchor);
  return { ...anchor, exported, sent };
}
