/**
 * `npm run replay [-- --query "<visibility query>"] [--limit N]`: replays the histories of the
 * platform's running workflows (or of those the query finds) against the workflow code of this
 * checkout, before it is deployed. `npm run replay -- <history.json> …` replays exported histories
 * instead (`temporal workflow show --output json`), with no server. A workflow whose history no longer
 * replays would fail on the new worker; each is named with the reason, and the exit code is 1.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ServiceError } from '@temporalio/client';
import { connectTemporal } from '../domain/boot.ts';
import { createLogger } from '../domain/logger.ts';
import { loadConfig } from '../domain/config.ts';
import type { Config } from '../domain/config.ts';
import { installTemporalRuntime } from '../workers/log.ts';
import { loadHistoryFiles, replayFromServer, replayHistories, runningOn } from '../workers/replay.ts';
import type { ReplayReport } from '../workers/replay.ts';
import { runMain } from '../domain/run-main.ts';

const DEFAULT_LIMIT = 1000;
/** gRPC's status code for a request the server refuses as malformed. */
const INVALID_ARGUMENT = 3;

/** Exit code 2 with the reason: the command was given something it cannot use. */
class UsageError extends Error {}

async function fromServer(config: Config, query: string, limit: number): Promise<ReplayReport> {
  const { connection, client } = await connectTemporal(config);
  try {
    console.log(`replay: 用本目录的工作流代码重放 ${query} 的历史，最多 ${limit} 个…`);
    return await replayFromServer(client, {
      query,
      limit,
      onProgress: (n) => {
        if (n % 100 === 0) console.log(`  已重放 ${n} 个`);
      },
    });
  } catch (error) {
    // The server refuses a malformed query (gRPC INVALID_ARGUMENT) before any history is read.
    const cause = error instanceof ServiceError ? (error.cause as { code?: number; details?: string } | undefined) : undefined;
    if (cause?.code === INVALID_ARGUMENT) throw new UsageError(`--query 有误：${cause.details ?? (error as Error).message}`);
    throw error;
  } finally {
    await connection.close();
  }
}

async function fromFiles(paths: string[]): Promise<ReplayReport> {
  const missing = paths.find((p) => !existsSync(p));
  if (missing) throw new UsageError(`历史文件不存在：${missing}`);
  let histories;
  try {
    histories = loadHistoryFiles(paths);
  } catch (error) {
    throw new UsageError(`历史文件无法读取（应为 temporal workflow show --output json 导出的 JSON）：${(error as Error).message}`);
  }
  console.log(`replay: 用本目录的工作流代码重放 ${paths.length} 个历史文件…`);
  return replayHistories(histories);
}

runMain('replay', async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { query: { type: 'string' }, limit: { type: 'string' } },
  });
  try {
    const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit 应为正整数（收到 ${values.limit}）`);
    const config = loadConfig();
    // The SDK's own lines (the bundle it builds for the replay) at warn, through the platform's logger.
    installTemporalRuntime(createLogger(config.logLevel, 'replay'));
    const report = positionals.length
      ? await fromFiles(positionals)
      : await fromServer(config, values.query ?? runningOn(config.temporalTaskQueue), limit);
    if (report.replayed === 0) {
      console.log('replay: 没有符合条件的工作流，无需重放');
      return;
    }
    for (const f of report.failures) console.log(`✗ ${f.workflowId} (${f.runId})：${f.error}`);
    const verdict = report.failures.length ? `${report.failures.length} 个与当前代码不一致，部署前须修正` : '全部重放通过';
    console.log(`replay: ${report.replayed} 个工作流，${verdict}`);
    if (report.failures.length) process.exitCode = 1;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`replay: ${error.message}`);
    process.exitCode = 2;
  }
});
