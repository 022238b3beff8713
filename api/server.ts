/** Runs the API over HTTP until closed; used by `npm run api` and `npm start`. */
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Config } from '../domain/config.ts';
import type { Db } from '../domain/db.ts';
import type { FileStore } from '../domain/files.ts';
import { BootError } from '../domain/boot.ts';
import { createApp } from './app.ts';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export async function startApi(deps: {
  config: Config;
  db: Db;
  logger: Logger;
  temporal: Client;
  files: FileStore;
  uiDist?: string;
}): Promise<RunningApi> {
  const app = createApp(deps);
  const { port, host } = deps.config;
  const server: Server = await new Promise((resolve, reject) => {
    // Express 5 hands a listen error to the callback as well as to the 'error' event.
    const s = app.listen(port, host, (error?: Error) => (error ? undefined : resolve(s)));
    s.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BootError(
          error.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use [PORT]`
            : `cannot listen on ${host}:${port}: ${error.message} [PORT/HOST]`,
        ),
      ),
    );
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
