/**
 * 一张图 (`/map`): the houses, cases, complaints and campaigns on one map, and one region's map for the
 * cockpit. MapLibre is heavy: both load on demand.
 */
import { lazy } from 'react';
import MapIcon from '@mui/icons-material/Map';

const page = lazy(() => import('./MapPage.tsx').then((m) => ({ default: m.MapPage })));
/** One region's houses on a map, for the cockpit. */
const regionMap = lazy(() => import('./RegionMap.tsx').then((m) => ({ default: m.RegionMap })));

export default { page, regionMap, icon: MapIcon };
