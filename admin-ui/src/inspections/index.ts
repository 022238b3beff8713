/**
 * Daily inspections (日常排查): inspectors send them from their phones; everyone reads those of their
 * region here. The list shows first what a town officer must verify (position far or missing).
 * Pages load on demand.
 */
import { lazy } from 'react';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { Inspection } from './types.ts';

const list = lazy(() => import('./InspectionList.tsx').then((m) => ({ default: m.InspectionList })));
const show = lazy(() => import('./InspectionShow.tsx').then((m) => ({ default: m.InspectionShow })));

export default {
  list,
  show,
  icon: FactCheckIcon,
  recordRepresentation: (inspection: Inspection) => inspection.address ?? inspection.buildingCode,
};
