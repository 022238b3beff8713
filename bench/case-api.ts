/** What the case benchmarks share: a job pool, demo logins and JSON posts to the platform's API. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../domain/db.ts';
import { seedSyntheticBuildings } from '../tools/synthetic/seed.ts';
import { send } from './http.ts';

/** Runs `count` jobs, `concurrency` at a time; returns the elapsed seconds. */
export async function pool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await job(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** A demo user's bearer token (the demo password). */
export async function login(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Ydym@2026' }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  return `Bearer ${((await r.json()) as { token: string }).token}`;
}

export interface CaseReply {
  id: string;
  openTasks: { id: string; step: string }[];
}

/** POSTs `body` with a fresh idempotency key; a 4xx or 5xx answer throws. */
export async function postCase(base: string, auth: string, path: string, body: unknown): Promise<CaseReply> {
  const r = await send(base + path, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  if (r.status >= 400) throw new Error(`${path}: ${r.status} ${r.text}`);
  return JSON.parse(r.text) as CaseReply;
}

/** The id of the case's open task of `step`. */
export const taskOf = (c: CaseReply, step: string): string => {
  const task = c.openTasks.find((t) => t.step === step);
  if (!task) throw new Error(`case ${c.id} has no open ${step} task`);
  return task.id;
};

/**
 * The environment of a benchmark's API and worker processes on its scratch database and Temporal server:
 * supervision and text messages to the discard port unless `extra` names others.
 */
export function serviceEnv(
  databaseUrl: string,
  temporalAddress: string,
  dataDir: string,
  port: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    DATA_DIR: dataDir,
    PORT: String(port),
    // info: the processes announce readiness at info; production logs there too.
    LOG_LEVEL: 'info',
    SUPERVISION_URL: 'http://127.0.0.1:9',
    // Text messages (rectification notices) go nowhere either: the discard port refuses them, retried in the background.
    SMS_URL: 'http://127.0.0.1:9',
    ...extra,
  };
}

/** 2,000 synthetic houses in the district; the codes of up to 500 in the demo users' community. */
export async function seedBenchHouses(db: Db): Promise<{ houses: number; codes: string[] }> {
  const houses = (await seedSyntheticBuildings(db, { count: 2000, district: '441802' })) as number;
  const rows = (await db('buildings').where('village_code', 'like', '441802006001%').select('code').limit(500)) as { code: string }[];
  return { houses, codes: rows.map((r) => r.code) };
}
