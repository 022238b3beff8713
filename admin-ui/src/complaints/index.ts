/**
 * Complaints (投诉举报): citizens file them without an account; everyone reads those of their region
 * here with the complainant masked, and the roles that verify record the on-site verification. The
 * list opens on those still to verify. Pages load on demand.
 */
import { lazy } from 'react';
import FeedbackIcon from '@mui/icons-material/Feedback';
import type { Complaint } from './types.ts';

const list = lazy(() => import('./ComplaintList.tsx').then((m) => ({ default: m.ComplaintList })));
const show = lazy(() => import('./ComplaintShow.tsx').then((m) => ({ default: m.ComplaintShow })));

export default {
  list,
  show,
  icon: FeedbackIcon,
  recordRepresentation: (complaint: Complaint) => complaint.trackingNo,
};
