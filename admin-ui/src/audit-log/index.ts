/** The audit log: read-only, for administrators and auditors (the menu and page ask `canAccess`). */
import { lazy } from 'react';
import HistoryIcon from '@mui/icons-material/History';

const list = lazy(() => import('./AuditLogList.tsx').then((m) => ({ default: m.AuditLogList })));

export default { list, icon: HistoryIcon };
