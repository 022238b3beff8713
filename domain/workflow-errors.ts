/**
 * Temporal's failures as the platform's HTTP errors, for every workflow client (cases, complaints,
 * campaigns). A failure is recognised by its type (the ApplicationFailure type an update validator
 * threw, the client's error class, the gRPC status code), never by its message text: messages are
 * for people and change with the SDK and the server.
 */
import { WorkflowNotFoundError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { REFUSAL } from '../workflows/shared/messages.ts';
import { ConflictError, ForbiddenError, RuleError, UnavailableError } from './errors.ts';

/** The gRPC status codes read here (grpc-js's `status` values; grpc-js is the SDK's dependency, not ours). */
const GRPC_NOT_FOUND = 5;
const GRPC_UNAVAILABLE = 14;

/** A cause chain is short; the bound only guards against a cycle. */
const MAX_DEPTH = 16;

/** The error and its causes, outermost first (the client wraps the server's failure in its own errors). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < MAX_DEPTH && !chain.includes(current)) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

const grpcCode = (chain: unknown[], code: number) => chain.some((e) => isGrpcServiceError(e) && e.code === code);

/**
 * A failed update or signal as the platform's HTTP error: the validator's refusals 409/403/422, a
 * finished workflow 409 (CASE_FINISHED), an unreachable Temporal 503; anything else is returned as it
 * was (a 500).
 */
export function refusal(error: unknown): Error {
  const chain = causeChain(error);
  const failure = chain.find((e): e is ApplicationFailure => e instanceof ApplicationFailure && e.type != null);
  switch (failure?.type) {
    case REFUSAL.conflict:
      return new ConflictError('TASK_CONFLICT', failure.message);
    case REFUSAL.forbidden:
      return new ForbiddenError(failure.message, 'TASK_FORBIDDEN');
    case REFUSAL.rule:
      return new RuleError('CASE_RULE', failure.message);
  }
  // The server answers NOT_FOUND ("workflow execution already completed") for a closed workflow.
  if (chain.some((e) => e instanceof WorkflowNotFoundError) || grpcCode(chain, GRPC_NOT_FOUND)) {
    return new ConflictError('CASE_FINISHED', '案件流程已结束，不能再办理');
  }
  if (grpcCode(chain, GRPC_UNAVAILABLE)) return new UnavailableError('TEMPORAL_UNAVAILABLE', '流程引擎暂不可用，请稍后重试');
  return error instanceof Error ? error : new Error(String(error));
}
