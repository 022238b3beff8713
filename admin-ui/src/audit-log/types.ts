/** An audit entry as `/api/audit-log` returns it (an audit row or a case event). */
export type { AuditEntry, AuditSource } from '../../../domain/stores/audit.ts';

/** Where entries are kept: the audit log, or the cases' event trails. */
export const SOURCES = ['audit', 'case'] as const;

/** Every action the trail can hold (domain/audit-actions.ts), each with its name in both languages. */
export { TRAIL_ACTIONS as KNOWN_ACTIONS } from '../../../domain/audit-actions.ts';
