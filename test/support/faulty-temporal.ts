/**
 * A Temporal client whose workflow starts fail on cue, as an unreachable frontend fails (gRPC
 * UNAVAILABLE): before the call reaches Temporal, or after Temporal answered (the start happened, its
 * answer was lost). For the retry tests of what the API commits before it starts a workflow.
 */
import type { Client } from '@temporalio/client';
import { startApi } from '../../api/server.ts';
import { createDb } from '../../domain/db.ts';
import { createLogger } from '../../domain/logger.ts';
import { freePort } from './stack.ts';
import type { Stack } from './stack.ts';

export type StartFault = 'fail-before' | 'fail-after' | 'pass';

const unavailable = () => Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });

/** `client`, its `workflow[method]` failing once as the test last said (`failNext`), then passing again. */
function faultyClient(client: Client, method: 'start' | 'executeUpdateWithStart'): { client: Client; failNext(fault: StartFault): void } {
  let next: StartFault = 'pass';
  const workflow = new Proxy(client.workflow, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop !== method || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const mode = next;
        next = 'pass';
        if (mode === 'fail-before') throw unavailable();
        const out = (await value.apply(target, args)) as unknown;
        if (mode === 'fail-after') throw unavailable();
        return out;
      };
    },
  });
  return {
    client: new Proxy(client, { get: (target, prop) => (prop === 'workflow' ? workflow : Reflect.get(target, prop, target)) }),
    failNext: (fault) => {
      next = fault;
    },
  };
}

/** A second API process of `stack` (the real app, its own pool) whose Temporal client is `faultyClient`'s. */
export async function startFaultyApi(
  stack: Stack,
  method: 'start' | 'executeUpdateWithStart',
): Promise<{ url: string; failNext(fault: StartFault): void; close(): Promise<void> }> {
  const db = createDb(stack.config.databaseUrl);
  const temporal = faultyClient(stack.temporal.client, method);
  const api = await startApi({
    config: { ...stack.config, port: await freePort() },
    db,
    logger: createLogger('silent'),
    temporal: temporal.client,
    files: stack.files,
  });
  return {
    url: api.url,
    failNext: temporal.failNext,
    async close() {
      await api.close();
      await db.destroy();
    },
  };
}
