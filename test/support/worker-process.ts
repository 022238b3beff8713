/**
 * The worker in a process of its own, as in production, so a test can kill it for real (SIGKILL) in the
 * middle of a step and start it again; and the waits such tests share.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import type { Stack } from './stack.ts';

export class WorkerProcess {
  private child: ChildProcess | undefined;

  constructor(private readonly stack: Stack) {}

  /** Starts a worker process (unless one runs) and resolves once it polls. */
  async start(): Promise<void> {
    if (this.child) return;
    const { stack } = this;
    const proc = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: stack.config.databaseUrl,
        TEMPORAL_ADDRESS: stack.temporal.address,
        DATA_DIR: stack.config.dataDir,
        PORT: String(stack.config.port),
        // Text messages to the stack's own SMS simulator, as the in-process worker sends them.
        ...(stack.config.smsUrl ? { SMS_URL: stack.config.smsUrl } : {}),
        SMS_SECRET: stack.config.smsSecret,
        SMS_QUIET_HOURS: stack.config.smsQuietHours,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      proc.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('worker running')) resolve();
      });
      proc.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      proc.on('exit', (code) => reject(new Error(`worker exited (${code}):\n${out}`)));
    });
    this.child = proc;
  }

  /** From here on the work runs in a worker process: the stack's in-process worker stops, a process starts. */
  async replaceStackWorker(): Promise<void> {
    const { worker } = this.stack;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    while (worker.getState() !== 'STOPPED') await sleep(50);
    await this.start();
  }

  /** SIGKILL, as a crash: no shutdown, no activity finished. */
  async kill(): Promise<void> {
    const proc = this.child;
    assert.ok(proc, 'a worker process runs');
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  /** For `after`: kills it if it runs, waiting for nothing. */
  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }
}

export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until a step's write (apply_case_transition) is blocked by the lock `holder` has taken, and
 * returns its server process id: the step's local activity has started and committed nothing.
 */
export async function waitForWriteWaiting(stack: Stack, holder: Knex.Transaction): Promise<number> {
  const { pid } = ((await holder.raw('SELECT pg_backend_pid() AS pid')).rows as { pid: number }[])[0] as { pid: number };
  let writer: number | undefined;
  await until(async () => {
    const found = await stack.db.raw(
      `SELECT pid FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid)) AND query LIKE '%apply_case_transition%'`,
      [pid],
    );
    writer = (found.rows as { pid: number }[])[0]?.pid;
    return writer !== undefined;
  }, 'the step’s write to wait on the case row');
  return writer as number;
}
