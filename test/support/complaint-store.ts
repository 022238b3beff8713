/** Fixtures for the stores' tests that need complaints: a complaint as the public channel files it. */
import type { NewComplaint } from '../../domain/complaints/store.ts';
import { TRACKING_ALPHABET } from '../../domain/complaints/tracking.ts';

let tail = 0;
/** A distinct 8-character tail from the tracking alphabet. */
const nextTail = () => `ABCD${[...String(1000 + tail++)].map((d) => TRACKING_ALPHABET[Number(d) + 2]).join('')}`;

/** A web complaint about a crack, with a named contact, at `place` (its house and region); `over` changes any field. */
export const newComplaint = (place: Pick<NewComplaint, 'buildingCode' | 'regionCode'>, over: Partial<NewComplaint> = {}): NewComplaint => ({
  trackingTail: nextTail(),
  secretHash: 'f'.repeat(64),
  channel: 'web',
  position: null,
  category: 'foundation',
  description: '墙体开裂严重',
  mediaUrl: null,
  contactName: '张三丰',
  contactPhone: '13912345678',
  verifySeconds: 3600,
  clientHash: 'a'.repeat(64),
  ...place,
  ...over,
});
