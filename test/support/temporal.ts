/** A Temporal dev server per test file, from the provisioned CLI (never downloaded). */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createLogger } from '../../domain/logger.ts';
import { SEARCH_ATTRIBUTES } from '../../domain/search-attributes.ts';
import { installTemporalRuntime } from '../../workers/log.ts';
import { findTemporalCli } from '../../scripts/lib/temporal-cli.ts';

export async function startTestTemporal(): Promise<TestWorkflowEnvironment> {
  installTemporalRuntime(createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', 'test'));
  const cli = findTemporalCli(process.env.TEMPORAL_CLI_PATH || undefined);
  if (!cli) throw new Error('no Temporal CLI: run the tests through `npm test`, which provisions it');
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cli },
      ip: '127.0.0.1',
      searchAttributes: SEARCH_ATTRIBUTES,
      extraArgs: ['--log-level', 'error'],
    },
  });
}
