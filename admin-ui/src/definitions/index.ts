/**
 * The process definitions (流程定义): the hazard case diagram with live counts. A custom route
 * (`/definitions/hazard`), loaded on demand; officers, administrators and auditors see it.
 */
import { lazy } from 'react';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { Role } from '../../../domain/roles.ts';

const page = lazy(() => import('./DefinitionPage.tsx').then((m) => ({ default: m.DefinitionPage })));

const READERS = new Set<Role>(['district_admin', 'district_officer', 'town_officer', 'auditor']);

/** Whether a role is shown the definition page in the menu. */
export const readsDefinitions = (role: Role | undefined) => role !== undefined && READERS.has(role);

export default { page, icon: AccountTreeIcon };
