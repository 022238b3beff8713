/**
 * `npm run temporal:search-attributes`: registers the platform's search attributes on the configured
 * namespace of a Temporal cluster (the dev server of `npm start` registers them itself).
 */
import { connectTemporal } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { runMain } from '../domain/run-main.ts';
import { registerSearchAttributes } from './lib/temporal-server.ts';

runMain('temporal:search-attributes', async () => {
  const config = loadConfig();
  const { connection } = await connectTemporal(config);
  try {
    const added = await registerSearchAttributes(connection, config.temporalNamespace);
    console.log(added.length ? `registered: ${added.join(', ')}` : 'all search attributes are registered');
  } finally {
    await connection.close();
  }
});
