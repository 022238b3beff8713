/**
 * The task inbox (我的待办): the human steps of cases waiting for the signed-in user, and the page to
 * work one. Custom routes `/inbox` and `/inbox/:taskId`; pages load on demand. Who sees the menu
 * entry follows the definition: the roles that work a step.
 */
import { lazy } from 'react';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { HAZARD_CASE_DEFINITIONS } from '../../../definitions/hazard-case/index.ts';
import type { Role } from '../../../domain/roles.ts';

const page = lazy(() => import('./InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
const taskPage = lazy(() => import('./TaskPage.tsx').then((m) => ({ default: m.TaskPage })));

// Every version still running counts: a case keeps the version it started with.
const WORKING_ROLES = new Set<string>(
  Object.values(HAZARD_CASE_DEFINITIONS).flatMap((def) => Object.values(def.steps).flatMap((s) => s.roles)),
);

/** Whether a role works any step of the hazard case, and so has an inbox. */
export const hasInbox = (role: Role | undefined) => role !== undefined && WORKING_ROLES.has(role);

export default { page, taskPage, icon: AssignmentIndIcon };
