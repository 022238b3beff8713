/** A Temporal dev server per test file, from the provisioned CLI (never downloaded). */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createLogger } from '../../domain/logger.ts';
import { SEARCH_ATTRIBUTES } from '../../domain/search-attributes.ts';
import { installTemporalRuntime } from '../../workers/log.ts';
import { DEV_SERVER_DYNAMIC_CONFIG } from '../../scripts/lib/dev-server.ts';
import { findTemporalCli } from '../../scripts/lib/temporal-cli.ts';

/**
 * The SDK gives the dev server a fixed 5 s to answer and the server picks some of its ports itself, so
 * on a loaded 2-core machine a start can fail (a slow start, or a port taken between pick and bind).
 * A new server on new ports is the remedy; a third failure is a real problem and is reported.
 */
const START_TRIES = 3;

/** `dbFilename`: keep the server's state in that SQLite file (as `npm start` does), not in memory. */
export async function startTestTemporal(options: { dbFilename?: string } = {}): Promise<TestWorkflowEnvironment> {
  installTemporalRuntime(createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', 'test'));
  const cli = findTemporalCli(process.env.TEMPORAL_CLI_PATH || undefined);
  if (!cli) throw new Error('no Temporal CLI: run the tests through `npm test`, which provisions it');
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createLocal({
        server: {
          executable: { type: 'existing-path', path: cli },
          ip: '127.0.0.1',
          ...(options.dbFilename ? { dbFilename: options.dbFilename } : {}),
          searchAttributes: SEARCH_ATTRIBUTES,
          extraArgs: ['--log-level', 'error', ...DEV_SERVER_DYNAMIC_CONFIG],
        },
      });
    } catch (err) {
      if (attempt >= START_TRIES) throw err;
      process.stderr.write(`[test] Temporal dev server start ${attempt}/${START_TRIES} failed, trying again: ${(err as Error).message}\n`);
    }
  }
}
