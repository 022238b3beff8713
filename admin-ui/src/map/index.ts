/** 一张图 (`/map`): the houses, cases, complaints and campaigns on one map. MapLibre is heavy: the page loads on demand. */
import { lazy } from 'react';
import MapIcon from '@mui/icons-material/Map';

const page = lazy(() => import('./MapPage.tsx').then((m) => ({ default: m.MapPage })));

export default { page, icon: MapIcon };
