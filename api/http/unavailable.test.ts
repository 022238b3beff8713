/**
 * A request that fails because PostgreSQL or Temporal is down for a moment (a restart, a failover) answers
 * 503 with the dependency named and a Retry-After, so clients and proxies retry; never a 500. The errors
 * are the ones `npm run soak` saw while it restarted PostgreSQL under load, one of them made for real.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import express from 'express';
import knexFactory from 'knex';
import pg from 'pg';
import { createLogger } from '../../domain/logger.ts';
import { freePort } from '../../test/support/ports.ts';
import { errorMiddleware } from './errors.ts';
import { requestContext } from './request.ts';

/** What the error middleware answers for a request whose handler threw `error`. */
async function answerFor(error: unknown): Promise<{ status: number; retryAfter: string | null; body: { error: { code: string } } }> {
  const app = express();
  app.use(requestContext(createLogger('silent')));
  app.get('/x', () => {
    throw error;
  });
  app.use(errorMiddleware);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const r = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
    return { status: r.status, retryAfter: r.headers.get('retry-after'), body: (await r.json()) as { error: { code: string } } };
  } finally {
    server.close();
  }
}

const withCode = (error: Error, code: string) => Object.assign(error, { code });

test('a database that is restarting or unreachable answers 503 DATABASE_UNAVAILABLE with Retry-After, not 500', async () => {
  // A real one: a query through knex to a port nothing listens on.
  const db = knexFactory({
    client: 'pg',
    connection: `postgres://nobody@127.0.0.1:${await freePort()}/none`,
    acquireConnectionTimeout: 2000,
    log: { warn() {}, error() {} },
  });
  const refused = await db.raw('select 1').then(
    () => assert.fail('the query should fail'),
    (error: unknown) => error,
  );
  await db.destroy();
  const shuttingDown = new pg.DatabaseError('the database system is shutting down', 0, 'error');
  shuttingDown.code = '57P03';
  const seen: unknown[] = [
    refused,
    shuttingDown,
    withCode(new Error('terminating connection due to administrator command'), '57P01'),
    new Error('select count(*) as "n" from "tasks" - Connection terminated unexpectedly'),
    new Error('ROLLBACK - Client has encountered a connection error and is not queryable'),
    withCode(new Error('connect ECONNREFUSED 127.0.0.1:5432'), 'ECONNREFUSED'),
    Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }),
  ];
  for (const error of seen) {
    const r = await answerFor(error);
    assert.equal(r.status, 503, `${(error as Error).message}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.code, 'DATABASE_UNAVAILABLE');
    assert.ok(Number(r.retryAfter) > 0, 'Retry-After');
  }
});

test('a transaction PostgreSQL aborted for a deadlock or a serialization conflict answers 503 DATABASE_CONFLICT: sent again, it succeeds', async () => {
  // As the soak saw it: two case registrations at once, deadlocked in the statistics triggers.
  const deadlock = new pg.DatabaseError('insert into "cases" (…) returning "id", "number" - deadlock detected', 0, 'error');
  deadlock.code = '40P01';
  for (const error of [deadlock, withCode(new Error('could not serialize access due to concurrent update'), '40001')]) {
    const r = await answerFor(error);
    assert.equal(r.status, 503, (error as Error).message);
    assert.equal(r.body.error.code, 'DATABASE_CONFLICT');
    assert.ok(Number(r.retryAfter) > 0, 'Retry-After');
  }
});

test('Temporal unreachable answers 503 TEMPORAL_UNAVAILABLE; any other failure is still a 500', async () => {
  // @temporalio/client's ServiceError carries the gRPC status (14 UNAVAILABLE) in its cause.
  const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'No connection established' });
  const temporal = Object.assign(new Error('Failed to start Workflow', { cause: grpc }), { name: 'ServiceError' });
  const r = await answerFor(temporal);
  assert.equal(r.status, 503);
  assert.equal(r.body.error.code, 'TEMPORAL_UNAVAILABLE');

  const bug = await answerFor(new TypeError("Cannot read properties of undefined (reading 'id')"));
  assert.equal(bug.status, 500);
  const constraint = await answerFor(withCode(new Error('duplicate key value violates unique constraint'), '23505'));
  assert.equal(constraint.status, 500, 'a constraint violation is a bug to fix, not a dependency down');
});
