/** A warning (预警) as the API returns it, and where its page is. */
import type { Warning as DomainWarning } from '../../../domain/warnings/store.ts';

export type Warning = DomainWarning;
export type WarningStatus = Warning['status'];

/** The warning page, inside the layout. */
export const warningPage = (id: string) => `/warnings/${encodeURIComponent(id)}`;

/** Statuses still waiting for someone. */
export const isActive = (status: WarningStatus) => status === 'open' || status === 'acknowledged' || status === 'escalated';
