/** The platform's side of the warning workflow: starting it after the row is written, and handling it. */
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import { startOnce } from '../workflow-start.ts';
import { ConflictError } from '../errors.ts';
import { refusal } from '../workflow-errors.ts';
import { SA_CASE_TYPE, SA_REGION_CODE } from '../search-attributes.ts';
import { WARNING_WORKFLOW, handleWarningUpdate, warningWorkflowId } from '../../workflows/warning/messages.ts';
import type { HandleWarningArgs, WarningState } from '../../workflows/warning/messages.ts';
import type { UnstartedWarning } from './store.ts';

export class WarningWorkflows {
  constructor(
    private readonly temporal: Client,
    private readonly config: Config,
  ) {}

  async start(w: UnstartedWarning): Promise<void> {
    await startOnce(this.temporal, WARNING_WORKFLOW, {
      workflowId: warningWorkflowId(w.id),
      taskQueue: this.config.temporalTaskQueue,
      args: [{ warningId: w.id, regionCode: w.regionCode, acknowledgeDueAt: w.acknowledgeDueAt }],
      typedSearchAttributes: [
        { key: SA_REGION_CODE, value: w.regionCode },
        { key: SA_CASE_TYPE, value: 'warning' },
      ],
    });
  }

  /** One handling; the idempotency key is the update id, so a double submit is applied once. */
  async handle(warningId: string, args: HandleWarningArgs, key: string | undefined): Promise<WarningState> {
    try {
      return await this.temporal.workflow
        .getHandle(warningWorkflowId(warningId))
        .executeUpdate(handleWarningUpdate, { args: [args], updateId: key ?? randomUUID() });
    } catch (error) {
      const mapped = refusal(error);
      // No workflow to answer: it has ended (the warning was handled) or its rule's run has not started it yet.
      if (mapped instanceof ConflictError && mapped.code === 'CASE_FINISHED')
        throw new ConflictError('WARNING_NOT_OPEN', '该预警已处置或尚未就绪，请刷新后再试');
      throw mapped;
    }
  }
}
