/**
 * The soak's fault script: each fault injected in turn at its time, its window (from injection to the end
 * of its repair) recorded for the statistics. A killed process is started again after `RESPAWN_DELAY_MS`,
 * as a process supervisor (systemd's Restart=, Kubernetes) would.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultWindow } from './stats.ts';

export interface Fault {
  name: string;
  /** Injects the fault and repairs it; resolves once the repair is complete. */
  run(): Promise<void>;
}

export const RESPAWN_DELAY_MS = 2000;

/** A fault that kills a process and starts it again. */
export const killAndRespawn = (name: string, kill: () => Promise<void>, respawn: () => Promise<void>): Fault => ({
  name,
  run: async () => {
    await kill();
    await sleep(RESPAWN_DELAY_MS);
    await respawn();
  },
});

/** When each of `count` faults starts within a run of `seconds`: after a baseline, evenly, the last one ending well before the load does. */
export function faultTimes(count: number, seconds: number): number[] {
  const first = Math.min(40, seconds * 0.13);
  const gap = (seconds * 0.78 - first) / Math.max(1, count);
  return Array.from({ length: count }, (_, i) => Math.round((first + i * gap) * 1000));
}

/** Runs the faults at their times from `start` (ms since the epoch); returns their windows. */
export async function runFaults(faults: Fault[], start: number, times: number[], say: (line: string) => void): Promise<FaultWindow[]> {
  const windows: FaultWindow[] = [];
  for (const [i, fault] of faults.entries()) {
    await sleep(Math.max(0, start + (times[i] ?? 0) - Date.now()));
    const begin = Date.now();
    say(`fault: ${fault.name}…`);
    await fault.run();
    const end = Date.now();
    say(`fault: ${fault.name} repaired in ${((end - begin) / 1000).toFixed(1)} s`);
    windows.push({ name: fault.name, start: begin, end });
  }
  return windows;
}
