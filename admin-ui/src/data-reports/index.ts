/**
 * Upward reports (数据上报): a region's houses in the national five-group layout (CSV, XLSX, manifest),
 * full or as the changes since the previous report, made in the background. Pages load on demand.
 */
import { lazy } from 'react';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';

const list = lazy(() => import('./DataReportList.tsx').then((m) => ({ default: m.DataReportList })));
const create = lazy(() => import('./DataReportCreate.tsx').then((m) => ({ default: m.DataReportCreate })));

export default { list, create, icon: CloudUploadIcon };
