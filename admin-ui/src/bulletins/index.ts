/** Monthly bulletins (月度通报): the list with downloads and the form asking for one. Pages load on demand. */
import { lazy } from 'react';
import ArticleIcon from '@mui/icons-material/Article';

const list = lazy(() => import('./BulletinList.tsx').then((m) => ({ default: m.BulletinList })));
const create = lazy(() => import('./BulletinCreate.tsx').then((m) => ({ default: m.BulletinCreate })));

export default { list, create, icon: ArticleIcon };
