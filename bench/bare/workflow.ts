/**
 * The baselines of `bench:cases`:
 *  - `bareCaseWorkflow`: a bare workflow taking the same four updates a hazard case takes (assign,
 *    rectify, recheck, close), each handler doing nothing but counting, no activities;
 *  - `likeCaseWorkflow`: the like-for-like baseline, doing per step what a hazard case cannot avoid:
 *    a no-op local activity (the case's read-model write), one search-attribute upsert (its status and
 *    due time) and one timer (its deadline).
 */
import { condition, defineUpdate, proxyLocalActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type * as activities from './activities.ts';
import { SA_CASE_STATUS, SA_DUE_AT } from '../../domain/search-attributes.ts';

export const bareStepUpdate = defineUpdate<number, [string]>('step');

export async function bareCaseWorkflow(steps: number): Promise<number> {
  let done = 0;
  setHandler(bareStepUpdate, () => ++done);
  await condition(() => done >= steps);
  return done;
}

const { noop } = proxyLocalActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function likeCaseWorkflow(steps: number): Promise<number> {
  let done = 0;
  setHandler(bareStepUpdate, async (step: string) => {
    await noop(step);
    upsertSearchAttributes([
      { key: SA_CASE_STATUS, value: step },
      { key: SA_DUE_AT, value: new Date(Date.now() + 7 * 86_400_000) },
    ]);
    return ++done;
  });
  while (done < steps) {
    const before = done;
    // The step's deadline: a timer per step, as the case's reminder and escalation are.
    await condition(() => done > before, '7 days');
  }
  return done;
}
