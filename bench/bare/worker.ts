/**
 * The like-for-like baseline's worker, in its own process as the platform's is: the baseline workflows
 * and their no-op local activity on `BARE_TASK_QUEUE`, with the platform worker's stack trace limit.
 */
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '../../domain/config.ts';
import { withStackTraceLimit } from '../../workers/stack-traces.ts';
import * as activities from './activities.ts';

const config = loadConfig(process.env);
const connection = await NativeConnection.connect({ address: config.temporalAddress });
const worker = await withStackTraceLimit(config.workflowStackTraceLimit, () =>
  Worker.create({
    connection,
    taskQueue: process.env.BARE_TASK_QUEUE ?? 'bench-like',
    workflowsPath: fileURLToPath(new URL('./workflow.ts', import.meta.url)),
    activities,
  }),
);
process.once('SIGTERM', () => worker.shutdown());
process.stdout.write('bare worker running\n');
await worker.run();
await connection.close();
