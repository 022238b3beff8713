/** The platform feed's bounds without a database: calls per client per minute, and the cursor checked before any read. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiClient, ApiClientStore } from '../../domain/api-clients/store.ts';
import { InputError, RateLimitError } from '../../domain/errors.ts';
import type { AuditStore } from '../../domain/stores/audit.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';
import { ApiClientService, FEED_RATE_PER_MINUTE } from './api-clients.ts';

const client = (id: string): ApiClient => ({
  id,
  name: id,
  regionCode: '441802',
  regionName: null,
  personalData: false,
  createdAt: '',
  createdBy: null,
  revokedAt: null,
  lastUsedAt: null,
});
const who = { actorId: null, actorName: null, actorRole: null, ip: null, userAgent: null, requestId: null };

function service(now: { t: number }) {
  let reads = 0;
  const clients = { changedHouses: () => (reads++, Promise.resolve([])), touch: () => Promise.resolve() } as unknown as ApiClientStore;
  const audit = { record: () => Promise.resolve() } as unknown as AuditStore;
  const s = new ApiClientService({ clients, audit, regions: {} as RegionStore }, () => new Date(now.t));
  return { s, reads: () => reads };
}

test('a client gets FEED_RATE_PER_MINUTE calls a minute, then 429 until the next minute; another client is not slowed', async () => {
  const now = { t: Date.UTC(2026, 11, 7, 10, 0, 0) };
  const { s } = service(now);
  for (let i = 0; i < FEED_RATE_PER_MINUTE; i++) await s.houses(client('a'), {}, who);
  await assert.rejects(s.houses(client('a'), {}, who), RateLimitError);
  await s.houses(client('b'), {}, who);
  now.t += 60_000;
  await s.houses(client('a'), {}, who);
});

test('a cursor this API did not give out is a 400 naming query.cursor, before anything is read', async () => {
  const { s, reads } = service({ t: 0 });
  await assert.rejects(
    s.houses(client('a'), { cursor: 'eyJ4IjoxfQ' }, who),
    (e: unknown) => e instanceof InputError && e.field === 'query.cursor',
  );
  assert.equal(reads(), 0);
});
