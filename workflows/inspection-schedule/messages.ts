/** The scheduling pass of 定期巡查 (inspection schedules by risk tier): its name and what it answers. */

export const INSPECTION_SCHEDULE_WORKFLOW = 'inspectionScheduleWorkflow';

export interface InspectionScheduleResult {
  /** The definition version the pass used (definitions/inspection-schedule). */
  version: number;
  /** Open items written for houses that had none. */
  created: number;
  /** Villages with houses to hand out. */
  villages: number;
  /** Houses given to inspectors by this pass. */
  assigned: number;
}
