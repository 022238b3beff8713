/** An audit entry as `/api/audit-log` returns it. */
export type { AuditEntry } from '../../../domain/stores/audit.ts';

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
