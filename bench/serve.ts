/**
 * A benchmark server in its own process, so the load generator does not share its event loop:
 * `tsx bench/serve.ts api|bare <database url>` or `tsx bench/serve.ts files <folder>` prints
 * `listening <url>` when ready.
 */
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startApi } from '../api/server.ts';
import { loadConfig } from '../domain/config.ts';
import { createDb } from '../domain/db.ts';
import { fileStoreFor } from '../domain/files.ts';
import { createLogger } from '../domain/logger.ts';
import { startBareServer } from './bare-server.ts';

const [mode, databaseUrl = ''] = process.argv.slice(2);
if (mode === 'files') {
  // The map bench's baseline: tiles read from files (the argument is their folder), nothing else.
  const dir = databaseUrl;
  const server = createServer((req, res) => {
    readFile(
      join(
        dir,
        (req.url ?? '/')
          .slice(1)
          .replace(/[^0-9/]/g, '')
          .replaceAll('/', '_'),
      ),
    )
      .then((body) => res.writeHead(200, { 'content-type': 'application/vnd.mapbox-vector-tile' }).end(body))
      .catch(() => res.writeHead(404).end());
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
} else if (mode === 'bare') {
  const bare = await startBareServer(databaseUrl);
  process.stdout.write(`listening ${bare.url}\n`);
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'ydym-bench-api-'));
  const config = loadConfig({ PORT: '0', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  // The registry endpoints never call Temporal; a lazy client is never connected.
  const temporal = new Client({ connection: Connection.lazy({ address: config.temporalAddress }) });
  const api = await startApi({
    config,
    db: createDb(databaseUrl, 10),
    logger: createLogger('silent'),
    temporal,
    files: fileStoreFor(dataDir),
  });
  process.stdout.write(`listening ${api.url}\n`);
}

// Exit on a signal so Node can flush a --cpu-prof profile when one is asked for.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
