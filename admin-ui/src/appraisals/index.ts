/** Appraisal reports (鉴定记录) of the reader's area: a list only, each report recorded on its house file. */
import { lazy } from 'react';
import FactCheckIcon from '@mui/icons-material/FactCheck';

const list = lazy(() => import('./AppraisalList.tsx').then((m) => ({ default: m.AppraisalList })));

export default { list, icon: FactCheckIcon };
