/**
 * Readiness: PostgreSQL and Temporal answer and a worker polls the task queue; each check says what is
 * wrong when it is not, and none waits longer than two seconds.
 */
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { HealthStore } from '../../domain/stores/health.ts';

/** One check of the readiness probe. */
export interface Check {
  ok: boolean;
  detail: string;
}

/** A worker's poll counts as live for this long (long polls last about a minute). */
const POLLER_FRESH_MS = 90_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface HealthServiceDeps {
  health: HealthStore;
  client: Client;
  namespace: string;
  taskQueue: string;
}

export class HealthService {
  constructor(private readonly deps: HealthServiceDeps) {}

  /** The three checks, run at once. */
  async readiness(): Promise<Record<'postgres' | 'temporal' | 'worker', Check>> {
    const { deps } = this;
    const postgres = withTimeout(deps.health.ping(), 2000, 'PostgreSQL').then(
      () => ({ ok: true, detail: 'reachable' }),
      (e: Error) => ({ ok: false, detail: e.message }),
    );
    const service = deps.client.workflowService;
    const temporalCheck = withTimeout(service.getSystemInfo({}), 2000, 'Temporal').then(
      (info) => ({ ok: true, detail: `reachable (server ${info.serverVersion ?? 'unknown'})` }),
      (e: Error) => ({ ok: false, detail: `unreachable: ${e.message}` }),
    );
    const worker = withTimeout(
      service.describeTaskQueue({
        namespace: deps.namespace,
        taskQueue: { name: deps.taskQueue },
        taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
      2000,
      'Temporal',
    ).then(
      (r) => {
        const now = Date.now();
        const live = (r.pollers ?? []).filter((p) => {
          const seconds = Number(p.lastAccessTime?.seconds ?? 0);
          return now - seconds * 1000 < POLLER_FRESH_MS;
        });
        return live.length > 0
          ? { ok: true, detail: `${live.length} poller(s) on task queue ${deps.taskQueue}` }
          : { ok: false, detail: `no worker polling task queue ${deps.taskQueue}` };
      },
      (e: Error) => ({ ok: false, detail: `cannot describe task queue: ${e.message}` }),
    );
    const [p, t, w] = await Promise.all([postgres, temporalCheck, worker]);
    return { postgres: p, temporal: t, worker: w };
  }
}
