/** Runs the API over HTTP until closed; used by `npm run api` and `npm start`. */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Config } from '../domain/config.ts';
import type { Db } from '../domain/db.ts';
import type { FileStore } from '../domain/files.ts';
import { BootError } from '../domain/boot.ts';
import { closeApp, createApp } from './app.ts';

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
    const s = createServer(httpTimeouts(deps.config), app);
    s.listen(port, host, () => resolve(s));
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
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${actualPort}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await closeApp(app);
    },
  };
}

/**
 * Every timeout set explicitly (Node's defaults let a trickled body hold a connection for over five
 * minutes): the whole request, its headers, and idle keep-alive. Node checks the first two on an
 * interval, so the interval is a fraction of the shortest.
 */
export function httpTimeouts(config: Config) {
  const requestTimeout = config.httpRequestTimeoutMs;
  const headersTimeout = Math.min(config.httpHeadersTimeoutMs, requestTimeout);
  return {
    requestTimeout,
    headersTimeout,
    keepAliveTimeout: config.httpKeepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(250, Math.min(5_000, Math.floor(headersTimeout / 4))),
  };
}
