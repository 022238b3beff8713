/**
 * `npm run replay [-- --query "<visibility query>"] [--limit N]`: replays the histories of the
 * platform's running workflows (or of those the query finds) against the workflow code of this
 * checkout, before it is deployed. A workflow whose history no longer replays would fail on the new
 * worker; each is named with the reason, and the exit code is 1.
 */
import { parseArgs } from 'node:util';
import { ServiceError } from '@temporalio/client';
import { connectTemporal } from '../domain/boot.ts';
import { createLogger } from '../domain/logger.ts';
import { loadConfig } from '../domain/config.ts';
import { installTemporalRuntime } from '../workers/log.ts';
import { replayFromServer, runningOn } from '../workers/replay.ts';
import { runMain } from './lib/main.ts';

const DEFAULT_LIMIT = 1000;
/** gRPC's status code for a request the server refuses as malformed. */
const INVALID_ARGUMENT = 3;

runMain('replay', async () => {
  const { values } = parseArgs({ options: { query: { type: 'string' }, limit: { type: 'string' } } });
  const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    console.error(`replay: --limit 应为正整数（收到 ${values.limit}）`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  // The SDK's own lines (the bundle it builds for the replay) at warn, through the platform's logger.
  installTemporalRuntime(createLogger(config.logLevel, 'replay'));
  const { connection, client } = await connectTemporal(config);
  try {
    const query = values.query ?? runningOn(config.temporalTaskQueue);
    console.log(`replay: 用本目录的工作流代码重放 ${query} 的历史，最多 ${limit} 个…`);
    let report;
    try {
      report = await replayFromServer(client, {
        query,
        limit,
        onProgress: (n) => {
          if (n % 100 === 0) console.log(`  已重放 ${n} 个`);
        },
      });
    } catch (error) {
      // The server refuses a malformed query (gRPC INVALID_ARGUMENT) before any history is read.
      const cause = error instanceof ServiceError ? (error.cause as { code?: number; details?: string } | undefined) : undefined;
      if (cause?.code !== INVALID_ARGUMENT) throw error;
      console.error(`replay: --query 有误：${cause.details ?? (error as Error).message}`);
      process.exitCode = 2;
      return;
    }
    if (report.replayed === 0) {
      console.log('replay: 没有符合条件的工作流，无需重放');
      return;
    }
    for (const f of report.failures) console.log(`✗ ${f.workflowId} (${f.runId})：${f.error}`);
    const verdict = report.failures.length ? `${report.failures.length} 个与当前代码不一致，部署前须修正` : '全部重放通过';
    console.log(`replay: ${report.replayed} 个工作流，${verdict}`);
    if (report.failures.length) process.exitCode = 1;
  } finally {
    await connection.close();
  }
});
