/**
 * Label batches (标签打印): the QR labels of a whole town or village as one PDF, made in the
 * background. Pages load on demand.
 */
import { lazy } from 'react';
import QrCode2Icon from '@mui/icons-material/QrCode2';

const list = lazy(() => import('./LabelBatchList.tsx').then((m) => ({ default: m.LabelBatchList })));
const create = lazy(() => import('./LabelBatchCreate.tsx').then((m) => ({ default: m.LabelBatchCreate })));

export default { list, create, icon: QrCode2Icon };
