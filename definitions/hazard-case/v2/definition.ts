/**
 * Hazard case definition, version 2: the same process and diagram as version 1, with earlier reminders
 * (assign and control at 12 and 6 hours before their deadline, rectify at 7, 3 and 1 days). Cases
 * started on version 1 keep version 1's timers until they end.
 */
import type { HazardCaseDefinition } from '../types.ts';
import { HAZARD_CASE_V1 } from '../v1/definition.ts';

const v1 = HAZARD_CASE_V1.steps;

export const HAZARD_CASE_V2: HazardCaseDefinition = {
  ...HAZARD_CASE_V1,
  version: 2,
  steps: {
    ...v1,
    assign: { ...v1.assign, reminderDaysBefore: [0.5, 0.25] },
    control: { ...v1.control, reminderDaysBefore: [0.5, 0.25] },
    rectify: { ...v1.rectify, reminderDaysBefore: [7, 3, 1] },
  },
};
