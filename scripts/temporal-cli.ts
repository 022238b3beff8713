/** `npm run temporal:cli`: finds or builds the Temporal CLI and prints its path (progress on stderr). */
import { runMain } from '../domain/run-main.ts';
import { provisionTemporalCli } from './lib/temporal-cli.ts';

runMain('temporal:cli', async () => {
  const path = await provisionTemporalCli((line) => process.stderr.write(`${line}\n`), process.env.TEMPORAL_CLI_PATH || undefined);
  process.stdout.write(`${path}\n`);
});
