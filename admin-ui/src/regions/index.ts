/**
 * The region tree: a custom page (not a CRUD resource) at `/regions` and `/regions/:code`, open to
 * every role within its own scope. Loaded on demand.
 */
import { lazy } from 'react';
import AccountTreeIcon from '@mui/icons-material/AccountTree';

const page = lazy(() => import('./RegionTreePage.tsx').then((m) => ({ default: m.RegionTreePage })));

export default { page, icon: AccountTreeIcon };
