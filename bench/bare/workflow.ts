/**
 * The baseline of `bench:cases`: a bare workflow that takes the same four updates a hazard case takes
 * (assign, rectify, recheck, close), each handler doing nothing but counting, no activities.
 */
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const bareStepUpdate = defineUpdate<number, [string]>('step');

export async function bareCaseWorkflow(steps: number): Promise<number> {
  let done = 0;
  setHandler(bareStepUpdate, () => ++done);
  await condition(() => done >= steps);
  return done;
}
