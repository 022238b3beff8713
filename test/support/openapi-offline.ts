/**
 * The API's OpenAPI document as the app serves it, from an app wired to nothing: the database and
 * Temporal are only reached by requests, and none is made but the document's. For meta-tests that walk
 * every declared route (bounds, titles).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../domain/config.ts';
import { createDb } from '../../domain/db.ts';
import { fileStoreFor } from '../../domain/files.ts';
import { createLogger } from '../../domain/logger.ts';

export async function offlineOpenApiDocument<T>(): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ydym-openapi-'));
  const url = 'postgres://nobody@127.0.0.1:1/none';
  const db = createDb(url);
  try {
    const config = loadConfig({ DATABASE_URL: url, DATA_DIR: dataDir });
    const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const app = createApp({ config, db, logger: createLogger('silent'), temporal, files: fileStoreFor(dataDir) });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/openapi.json`);
      return (await res.json()) as T;
    } finally {
      server.close();
    }
  } finally {
    await db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
