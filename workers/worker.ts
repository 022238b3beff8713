/** Builds the platform worker: all workflows and activities on the configured task queue. */
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { NativeConnection } from '@temporalio/worker';
import type { Config } from '../domain/config.ts';
import type { Db } from '../domain/db.ts';
import type { FileStore } from '../domain/files.ts';
import { createActivities } from './activities/index.ts';
import { withStackTraceLimit } from './stack-traces.ts';
import { supervisionBaseUrl } from '../domain/cases/escalation.ts';
import { createSupervisionClient } from '../domain/supervision/client.ts';
import type { SupervisionClient } from '../domain/supervision/client.ts';
import { createSmsProvider } from '../domain/sms/client.ts';
import type { SmsProvider } from '../domain/sms/client.ts';
import { smsBaseUrl } from '../domain/sms/delivery.ts';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export async function createWorker(deps: {
  config: Config;
  db: Db;
  files: FileStore;
  connection: NativeConnection;
  supervision?: SupervisionClient;
  sms?: SmsProvider;
}): Promise<Worker> {
  return withStackTraceLimit(deps.config.workflowStackTraceLimit, () =>
    Worker.create({
      connection: deps.connection,
      namespace: deps.config.temporalNamespace,
      taskQueue: deps.config.temporalTaskQueue,
      workflowsPath: WORKFLOWS_PATH,
      // Set, never the SDK's memory-derived default, so an operator sizes the worker knowingly (README, Running at scale).
      maxCachedWorkflows: deps.config.workerMaxCachedWorkflows,
      maxConcurrentWorkflowTaskExecutions: deps.config.workerWorkflowSlots,
      maxConcurrentActivityTaskExecutions: deps.config.workerActivitySlots,
      maxConcurrentLocalActivityExecutions: deps.config.workerActivitySlots,
      activities: createActivities({
        db: deps.db,
        files: deps.files,
        config: deps.config,
        sessionIdleMinutes: deps.config.sessionIdleMinutes,
        // The client the activities start workflows with, over the worker's own connection.
        temporal: new Client({ connection: deps.connection, namespace: deps.config.temporalNamespace }),
        supervision:
          deps.supervision ??
          createSupervisionClient({
            baseUrl: supervisionBaseUrl(deps.config),
            secret: deps.config.supervisionSecret,
            timeoutMs: deps.config.supervisionTimeoutMs,
          }),
        sms:
          deps.sms ??
          createSmsProvider({ baseUrl: smsBaseUrl(deps.config), secret: deps.config.smsSecret, timeoutMs: deps.config.smsTimeoutMs }),
      }),
    }),
  );
}
