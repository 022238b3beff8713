/** Every workflow the worker runs; bundled by the worker, so only deterministic code goes here. */
export { housekeepingWorkflow } from './housekeeping/workflow.ts';
