/**
 * Maps react-admin's access questions (resource + page action) onto the CASL rules the API sent, so
 * the UI hides exactly what the API would refuse. The rules themselves live in `domain/abilities.ts`.
 */
import { asSubject } from '../../domain/abilities.ts';
import type { Action, AppAbility, Subject } from '../../domain/abilities.ts';

/** Which CASL subject guards each react-admin resource or custom page. */
const SUBJECT_OF: Record<string, Exclude<Subject, 'all'>> = {
  users: 'User',
  regions: 'Region',
  'audit-log': 'AuditLog',
  buildings: 'Building',
  // Appraisal reports are part of the house file: whoever reads the house reads them.
  appraisals: 'Building',
  'building-imports': 'ImportJob',
  'label-batches': 'LabelBatch',
  'data-reports': 'DataReport',
  cases: 'Case',
  inspections: 'Inspection',
  complaints: 'Complaint',
  campaigns: 'Campaign',
  warnings: 'Warning',
  bulletins: 'Bulletin',
  'api-clients': 'ApiClient',
  // Tasks are steps of cases: whoever reads a case's region may list tasks; the API decides whose they are.
  tasks: 'Case',
};

/** react-admin's page actions and this app's own button actions, as CASL actions. */
const ACTION_OF: Record<string, Action> = {
  list: 'read',
  show: 'read',
  export: 'read',
  read: 'read',
  create: 'create',
  edit: 'update',
  update: 'update',
  disable: 'disable',
  resetPassword: 'resetPassword',
  unlock: 'unlock',
  readPersonal: 'readPersonal',
  print: 'print',
  import: 'import',
  cancel: 'cancel',
  escalate: 'escalate',
  reassign: 'reassign',
  audit: 'audit',
};

/**
 * Pages every signed-in user may open although no CASL rule says `read`: the API shows each user the
 * campaigns over or within their area (a village's inspector follows the district's campaign), so
 * reading them needs no rule; starting and withdrawing one do.
 */
const READ_BY_ALL = new Set(['campaigns']);

/** Whether the ability allows `action` on `resource`, for one record when given. Unknown means no. */
export function canAccessResource(ability: AppAbility, resource: string, action: string, record?: Record<string, unknown>): boolean {
  const subject = SUBJECT_OF[resource];
  const casl = ACTION_OF[action];
  if (!subject || !casl) return false;
  if (casl === 'read' && READ_BY_ALL.has(resource)) return true;
  return record ? ability.can(casl, asSubject(subject, record)) : ability.can(casl, subject);
}
