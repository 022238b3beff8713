/** An audit entry as `/api/audit-log` returns it. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  regionCode: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** Actions the UI has words for; others are shown as their raw code. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'user.change_password',
  'building.create',
  'building.update',
  'building.personal_viewed',
  'building_import.create',
  'labelBatch.create',
] as const;
