/** The complete house file's shapes as the API returns them (appraisals, the safety timeline). */
import type { Appraisal } from '../../../domain/house-file/appraisal-store.ts';
import type { TimelineEntry, TimelineKind } from '../../../domain/house-file/timeline-store.ts';

export type { Appraisal, TimelineEntry, TimelineKind };
