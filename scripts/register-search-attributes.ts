/**
 * `npm run temporal:search-attributes`: registers the platform's search attributes on the configured
 * namespace of a Temporal cluster (the dev server of `npm start` registers them itself).
 */
import { connectTemporal } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { SEARCH_ATTRIBUTES } from '../domain/search-attributes.ts';
import { runMain } from '../domain/run-main.ts';

runMain('temporal:search-attributes', async () => {
  const config = loadConfig();
  const { connection } = await connectTemporal(config);
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace: config.temporalNamespace });
    const missing = SEARCH_ATTRIBUTES.filter((k) => !(k.name in (existing.customAttributes ?? {})));
    if (missing.length === 0) {
      console.log('all search attributes are registered');
      return;
    }
    const TYPES: Record<string, number> = { TEXT: 1, KEYWORD: 2, INT: 3, DOUBLE: 4, BOOL: 5, DATETIME: 6, KEYWORD_LIST: 7 };
    await connection.operatorService.addSearchAttributes({
      namespace: config.temporalNamespace,
      searchAttributes: Object.fromEntries(missing.map((k) => [k.name, TYPES[k.type] ?? 2])),
    });
    console.log(`registered: ${missing.map((k) => k.name).join(', ')}`);
  } finally {
    await connection.close();
  }
});
