/** The bulletin workflows' names, ids and inputs, shared by the workflows, the API and the schedule. */

export const BULLETIN_WORKFLOW = 'bulletinWorkflow';
export const MONTHLY_BULLETINS_WORKFLOW = 'monthlyBulletinsWorkflow';

/** One workflow per bulletin row: a second request while it runs finds it running. */
export function bulletinWorkflowId(bulletinId: string): string {
  return `bulletin-${bulletinId}`;
}

export interface BulletinInput {
  bulletinId: string;
}

/** The monthly run: the month (`YYYY-MM`) defaults to the Beijing month before the run's. */
export interface MonthlyBulletinsInput {
  month?: string;
}

export interface MonthlyBulletinsResult {
  month: string;
  done: number;
  failed: number;
}
