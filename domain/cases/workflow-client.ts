/**
 * The API's side of the case workflow: starting it (the second half of the dual write, safe to repeat),
 * sending it updates with the client's Idempotency-Key as the update id, and turning the validator's
 * refusals into the platform's HTTP errors.
 */
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowNotFoundError } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import type { Config } from '../config.ts';
import { refusal } from '../workflow-errors.ts';
import { asStarted, startOnce } from '../workflow-start.ts';
import { SA_BUILDING_CODE, SA_CASE_STATUS, SA_CASE_TYPE, SA_DUE_AT, SA_REGION_CODE, SA_SEVERITY } from '../search-attributes.ts';
import type { CaseRecord } from './store.ts';
import { HAZARD_CASE_WORKFLOW, caseWorkflowId, registeredUpdate } from '../../workflows/hazard-case/messages.ts';
import type { CaseAck, HazardCaseInput } from '../../workflows/hazard-case/messages.ts';
import { startIndex } from '../../workflows/hazard-case/rules.ts';
import type { Actor } from '../../workflows/shared/messages.ts';
import type { UpdateDefinition } from '@temporalio/client';

/** What starting a case's workflow needs of its row. */
export type CaseStart = Pick<CaseRecord, 'id' | 'definitionVersion' | 'severity' | 'regionCode' | 'buildingCode'>;

export class CaseWorkflows {
  constructor(
    private readonly temporal: Client,
    private readonly config: Config,
  ) {}

  /**
   * Starts the case's workflow; one already running (or finished) under that id counts as started.
   * With `awaitRegistration`, the start carries an update that answers once the workflow has written
   * the registration (update-with-start: one round trip, and the caller reads its own write).
   */
  async start(c: CaseStart, registeredBy: Actor | null, awaitRegistration = false): Promise<void> {
    // Indexed from the start as registering will leave it, so the workflow need not upsert then.
    const index = startIndex(c.definitionVersion, c.severity, Date.now(), this.config.caseDaySeconds);
    const input: HazardCaseInput = {
      caseId: c.id,
      definitionVersion: c.definitionVersion,
      severity: c.severity,
      regionCode: c.regionCode,
      buildingCode: c.buildingCode,
      daySeconds: this.config.caseDaySeconds,
      registeredBy,
      startIndex: index,
    };
    const options = {
      workflowId: caseWorkflowId(c.id),
      taskQueue: this.config.temporalTaskQueue,
      args: [input] as [HazardCaseInput],
      workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
      typedSearchAttributes: [
        { key: SA_REGION_CODE, value: c.regionCode },
        { key: SA_CASE_TYPE, value: 'hazard' },
        { key: SA_CASE_STATUS, value: index.status },
        ...(index.dueAt ? [{ key: SA_DUE_AT, value: new Date(index.dueAt) }] : []),
        { key: SA_SEVERITY, value: c.severity },
        { key: SA_BUILDING_CODE, value: c.buildingCode },
      ],
    };
    if (awaitRegistration) {
      const startWorkflowOperation = new WithStartWorkflowOperation(HAZARD_CASE_WORKFLOW, {
        ...options,
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      await asStarted(this.temporal.workflow.executeUpdateWithStart(registeredUpdate, { startWorkflowOperation }));
    } else {
      await startOnce(this.temporal, HAZARD_CASE_WORKFLOW, options);
    }
  }

  /** Sends an update; the validator's refusal becomes 409/403/422, a finished case 409. */
  async update<A>(caseId: string, def: UpdateDefinition<CaseAck, [A]>, args: A, idempotencyKey: string | undefined): Promise<CaseAck> {
    const handle = this.temporal.workflow.getHandle(caseWorkflowId(caseId));
    try {
      return await handle.executeUpdate(def, { args: [args], updateId: idempotencyKey ?? randomUUID() });
    } catch (error) {
      throw refusal(error);
    }
  }

  async signal<A>(caseId: string, send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<A>): Promise<boolean> {
    try {
      await send(this.temporal.workflow.getHandle(caseWorkflowId(caseId)));
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
}
