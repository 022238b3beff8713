/**
 * The users resource (administrators only: the menu and every page ask `canAccess`). Pages load on
 * demand, so other roles never download them.
 */
import { lazy } from 'react';
import PeopleIcon from '@mui/icons-material/People';
import type { UserRecord } from './types.ts';

const list = lazy(() => import('./UserList.tsx').then((m) => ({ default: m.UserList })));
const show = lazy(() => import('./UserShow.tsx').then((m) => ({ default: m.UserShow })));
const edit = lazy(() => import('./UserEdit.tsx').then((m) => ({ default: m.UserEdit })));
const create = lazy(() => import('./UserCreate.tsx').then((m) => ({ default: m.UserCreate })));

export default {
  list,
  show,
  edit,
  create,
  icon: PeopleIcon,
  recordRepresentation: (user: UserRecord) => `${user.name} (${user.username})`,
};
