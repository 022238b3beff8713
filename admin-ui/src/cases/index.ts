/**
 * Hazard cases (隐患案件): everyone reads the cases of their region; officers register them. Each case
 * is driven by its workflow; the page shows where it stands, its diagram and its audit trail. Pages
 * load on demand.
 */
import { lazy } from 'react';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import type { CaseSummary } from './types.ts';

const list = lazy(() => import('./CaseList.tsx').then((m) => ({ default: m.CaseList })));
const show = lazy(() => import('./CaseShow.tsx').then((m) => ({ default: m.CaseShow })));
const create = lazy(() => import('./CaseCreate.tsx').then((m) => ({ default: m.CaseCreate })));

export default {
  list,
  show,
  create,
  icon: ReportProblemIcon,
  recordRepresentation: (c: CaseSummary) => c.number,
};
