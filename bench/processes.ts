/** Platform processes for benchmarks: started with their real entry points, watched for readiness and memory. */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';

export interface Service {
  pid: number;
  /** Resident memory of the process, in MB (Linux /proc). */
  rssMb(): number;
  /** CPU time used so far (user + system), in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
  /** Ends it at once (SIGKILL: no shutdown of its own, as a crash or the OOM killer would); resolves once it is gone. */
  kill(): Promise<void>;
}

/**
 * With BENCH_CPU_PROF=<dir>, each service writes a V8 CPU profile there when it stops. With `logFile`,
 * everything it prints is appended there (otherwise its output is read and dropped once it is ready).
 */
export function spawnService(script: string, env: Record<string, string>, readyText: string, logFile?: string): Promise<Service> {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let ready = false;
  if (logFile) {
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once('exit', () => log.end());
  }
  // A child ended by a signal has no exit code, only a signal code.
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill(signal);
    });
  return new Promise((resolve, reject) => {
    // Read on after readiness (a full pipe would stall the service), but keep nothing.
    const onData = (chunk: Buffer) => {
      if (ready) return;
      output = (output + chunk.toString()).slice(-20_000);
      if (output.includes(readyText)) {
        ready = true;
        resolve({
          pid: child.pid as number,
          cpuSeconds: () => processCpuSeconds(child.pid as number),
          rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
          stop: () => end('SIGTERM'),
          kill: () => end('SIGKILL'),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`)));
  });
}

/**
 * CPU time (user + system, seconds) used so far by process `pid` (Linux /proc); with `children`, also
 * that of its children that ended (PostgreSQL's backends and autovacuum workers come and go).
 */
export function processCpuSeconds(pid: number, children = false): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return (children ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
}

/**
 * CPU time (user + system, seconds) of every live process whose command name is `comm`, plus that of
 * their ended children, so a process that ends between two readings does not take its time along.
 */
export function cpuSecondsOf(comm: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== comm) continue;
      total += processCpuSeconds(Number(pid), true);
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}
