/**
 * Failures that mean a dependency is down for a moment rather than a bug: PostgreSQL restarting, failing
 * over or unreachable, Temporal's frontend unreachable. They answer 503 with the dependency named and a
 * Retry-After, so clients, proxies and load balancers retry (a mutating request's Idempotency-Key is
 * released for that retry, as after any server failure); everything else stays a 500 and is logged as one.
 */
import { isTransactionConflict } from '../../domain/db.ts';
import { UnavailableError } from '../../domain/errors.ts';

/** How long a client is asked to wait before retrying, in seconds. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * PostgreSQL's SQLSTATEs for a server going away or not yet accepting connections (class 08, connection
 * exception; 57P01–57P03, admin or crash shutdown and cannot connect now), and the socket errors of a
 * server that is not there.
 */
const DATABASE_CODES = /^(08\w{3}|57P0[123]|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH)$/;
/** What node-postgres and knex say, without a code, when the connection under a query was lost. */
const DATABASE_MESSAGES =
  /Connection terminated|connection error and is not queryable|Timeout acquiring a connection|timeout exceeded when trying to connect/;
/** gRPC statuses of a Temporal frontend that is not answering: 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED. */
const GRPC_UNAVAILABLE = new Set([4, 14]);

/** The error and its causes (Temporal's client wraps the gRPC error; AggregateError holds one per address tried). */
function* chain(error: unknown): Generator<Error & { code?: unknown; errors?: unknown }> {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    yield e;
    if (e instanceof AggregateError) for (const inner of e.errors) if (inner instanceof Error) yield inner;
  }
}

/** A 503 for `error` when it means PostgreSQL or Temporal is unavailable; undefined for any other error. */
export function unavailableDependency(error: unknown): UnavailableError | undefined {
  for (const e of chain(error)) {
    const code = e.code;
    // PostgreSQL aborted the transaction for a deadlock or a serialization conflict (isTransactionConflict):
    // it wrote nothing, and the same request sent again succeeds. The writes that meet most run their
    // transaction again first (retriedTransaction); this is what is left when that did not settle it.
    if (isTransactionConflict(e)) return new UnavailableError('DATABASE_CONFLICT', '数据库繁忙（并发冲突），请稍后重试');
    if (e.name === 'KnexTimeoutError' || (typeof code === 'string' && DATABASE_CODES.test(code)) || DATABASE_MESSAGES.test(e.message))
      return new UnavailableError('DATABASE_UNAVAILABLE', '数据库暂不可用，请稍后重试');
    if (typeof code === 'number' && GRPC_UNAVAILABLE.has(code))
      return new UnavailableError('TEMPORAL_UNAVAILABLE', '工作流服务暂不可用，请稍后重试');
  }
  return undefined;
}
