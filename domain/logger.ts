/**
 * Structured logs: one JSON line per event. Personal data is masked before a line is written: known
 * keys are redacted or masked, and phone numbers inside messages are masked.
 */
import { pino } from 'pino';
import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import { maskName, maskPhone, maskPhonesInText } from './mask.ts';

export type { Logger };

const SECRET_KEYS = ['password', 'currentPassword', 'newPassword', 'passwordHash', 'token', 'csrfToken', 'secret'];
const PHONE_KEYS = ['phone', 'ownerPhone', 'complainantPhone'];
const NAME_KEYS = ['ownerName', 'complainantName'];

function paths(keys: string[]): string[] {
  return keys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
}

/** A JSON logger; `destination` defaults to stdout (tests pass a stream to read the lines). */
export function createLogger(level: string, name = 'ydym', destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [...paths(SECRET_KEYS), ...paths(PHONE_KEYS), ...paths(NAME_KEYS), 'req.headers.cookie', 'req.headers.authorization'],
      censor: (value: unknown, path: string[]) => {
        const key = path[path.length - 1] ?? '';
        if (typeof value !== 'string') return '[redacted]';
        if (PHONE_KEYS.includes(key)) return maskPhone(value);
        if (NAME_KEYS.includes(key)) return maskName(value);
        return '[redacted]';
      },
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPhonesInText(a) : a)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
  };
  return pino(options, destination ?? bufferedStdout());
}

let stdout: ReturnType<typeof pino.destination> | undefined;

/**
 * Stdout, written in blocks of up to 8 KB and at least once a second instead of once per line: each
 * write is a system call, and on this platform's virtual machines system calls are what a busy API
 * spends most on. pino flushes the rest when the process exits.
 */
function bufferedStdout(): DestinationStream {
  if (!stdout) {
    const dest = pino.destination({ dest: 1, sync: false, minLength: 8192 });
    setInterval(() => dest.flush(), 1000).unref();
    stdout = dest;
  }
  return stdout;
}
