/**
 * Building imports (批量导入): upload a spreadsheet, follow its progress, read what was refused.
 * Registrars import; auditors may read past imports. Pages load on demand.
 */
import { lazy } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ImportJob } from './types.ts';

const list = lazy(() => import('./ImportList.tsx').then((m) => ({ default: m.ImportList })));
const show = lazy(() => import('./ImportShow.tsx').then((m) => ({ default: m.ImportShow })));
const create = lazy(() => import('./ImportUpload.tsx').then((m) => ({ default: m.ImportUpload })));

export default {
  list,
  show,
  create,
  icon: UploadFileIcon,
  recordRepresentation: (job: ImportJob) => job.fileName,
};
