/** Routes Temporal SDK log lines into the platform's JSON logger. */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { LogLevel } from '@temporalio/worker';
import type { Logger as PinoLogger } from 'pino';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

export function temporalLogger(logger: PinoLogger): DefaultLogger {
  const child = logger.child({ component: 'temporal' });
  return new DefaultLogger('WARN', (entry) => {
    child[LEVELS[entry.level]]({ ...entry.meta }, entry.message);
  });
}

let installed = false;

/** Installs the SDK runtime once per process, logging through the platform logger. */
export function installTemporalRuntime(logger: PinoLogger): void {
  if (installed) return;
  installed = true;
  Runtime.install({ logger: temporalLogger(logger) });
}
