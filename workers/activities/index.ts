/** All activities, built from their dependencies; the worker is the only place that wires real ones. */
import type { Db } from '../../domain/db.ts';
import { createHousekeepingActivities } from './housekeeping.ts';

export interface ActivityDeps {
  db: Db;
  sessionIdleMinutes: number;
}

export function createActivities(deps: ActivityDeps) {
  return { ...createHousekeepingActivities(deps) };
}
