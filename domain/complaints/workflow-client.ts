/**
 * The API's side of the complaint workflow: starting it after the complaint is written (safe to repeat;
 * the sweeper starts any a crash leaves behind) and sending the verification as an update.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Config } from '../config.ts';
import { startOnce } from '../workflow-start.ts';
import { ConflictError } from '../errors.ts';
import { SA_BUILDING_CODE, SA_CASE_TYPE, SA_REGION_CODE } from '../search-attributes.ts';
import { refusal } from '../workflow-errors.ts';
import { COMPLAINT_WORKFLOW, complaintWorkflowId, verifyComplaintUpdate } from '../../workflows/complaint/messages.ts';
import type { ComplaintInput, ComplaintState, VerifyArgs } from '../../workflows/complaint/messages.ts';

export class ComplaintWorkflows {
  constructor(
    private readonly temporal: Client,
    private readonly config: Config,
  ) {}

  async start(c: { id: string; regionCode: string; verifyDueAt: string; buildingCode?: string | null }): Promise<void> {
    const input: ComplaintInput = { complaintId: c.id, regionCode: c.regionCode, verifyDueAt: c.verifyDueAt };
    await startOnce(this.temporal, COMPLAINT_WORKFLOW, {
      workflowId: complaintWorkflowId(c.id),
      taskQueue: this.config.temporalTaskQueue,
      args: [input],
      typedSearchAttributes: [
        { key: SA_REGION_CODE, value: c.regionCode },
        { key: SA_CASE_TYPE, value: 'complaint' },
        ...(c.buildingCode ? [{ key: SA_BUILDING_CODE, value: c.buildingCode }] : []),
      ],
    });
  }

  async verify(complaintId: string, args: VerifyArgs, idempotencyKey: string | undefined): Promise<ComplaintState> {
    const handle = this.temporal.workflow.getHandle(complaintWorkflowId(complaintId));
    try {
      return await handle.executeUpdate(verifyComplaintUpdate, { args: [args], updateId: idempotencyKey ?? randomUUID() });
    } catch (error) {
      const mapped = refusal(error);
      // The workflow ends with the verification: a second one finds it finished.
      if (mapped instanceof ConflictError && mapped.code === 'CASE_FINISHED') throw new ConflictError('COMPLAINT_VERIFIED', '该投诉已核实');
      throw mapped;
    }
  }
}
