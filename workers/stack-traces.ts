/**
 * The workflow threads' stack trace limit. The Temporal SDK's promise hook records where every promise
 * in workflow code was made (for the `__stack_trace` query): it captures a stack trace and maps each
 * frame through the bundle's source map, for every promise. That was about a fifth of the worker's CPU
 * per case. V8 gives each new context the `--stack-trace-limit` in force when the context is made, and
 * the SDK makes the workflow threads and their context inside `Worker.create`; so the limit is lowered
 * for that call only. Activities, logs and the rest of the process keep their full stack traces.
 */
import v8 from 'node:v8';

/** Runs `make` with `limit` as V8's stack trace limit for contexts it creates, then restores it. */
export async function withStackTraceLimit<T>(limit: number, make: () => Promise<T>): Promise<T> {
  const previous = Number.isInteger(Error.stackTraceLimit) ? Error.stackTraceLimit : 10;
  v8.setFlagsFromString(`--stack-trace-limit=${limit}`);
  try {
    return await make();
  } finally {
    v8.setFlagsFromString(`--stack-trace-limit=${previous}`);
  }
}
