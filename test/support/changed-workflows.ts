/**
 * For the replay test: a hazard case workflow changed the way a careless edit would, so that it takes
 * another path from the first step (a timer where the real one writes its read models). A history the
 * real workflow recorded must not replay on it.
 */
import { sleep } from '@temporalio/workflow';

export async function hazardCaseWorkflow(): Promise<void> {
  await sleep('1 day');
}
