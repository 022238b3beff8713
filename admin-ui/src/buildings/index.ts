/**
 * The building registry (房屋档案): everyone with a region may read the houses in it; registrars
 * create and edit them. Pages load on demand.
 */
import { lazy } from 'react';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import type { BuildingRecord } from './types.ts';

const list = lazy(() => import('./BuildingList.tsx').then((m) => ({ default: m.BuildingList })));
const show = lazy(() => import('./BuildingShow.tsx').then((m) => ({ default: m.BuildingShow })));
const edit = lazy(() => import('./BuildingEdit.tsx').then((m) => ({ default: m.BuildingEdit })));
const create = lazy(() => import('./BuildingCreate.tsx').then((m) => ({ default: m.BuildingCreate })));

export default {
  list,
  show,
  edit,
  create,
  icon: HomeWorkIcon,
  recordRepresentation: (building: BuildingRecord) => building.address ?? building.code,
};
