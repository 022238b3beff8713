/** An audit entry as `/api/audit-log` returns it (an audit row or a case event). */
export type { AuditEntry, AuditSource } from '../../../domain/stores/audit.ts';

/** Where entries are kept: the audit log, or the cases' event trails. */
export const SOURCES = ['audit', 'case'] as const;

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
  'building.owner_search',
  'building_import.create',
  'labelBatch.create',
  'inspection.submit',
  'campaign.create',
  'complaint.contact_viewed',
  'complaint.verify',
  'case.register',
  'case.file_upload',
  'case.dossier_export',
  'case.registered',
  'task.claimed',
  'task.released',
  'task.completed',
  'task.reassigned',
  'task.reminded',
  'task.overdue',
  'escalation.requested',
  'escalation.accepted',
  'escalation.refused',
  'supervision.callback',
  'case.cancelled',
] as const;
