import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { REFUSAL } from '../workflows/shared/messages.ts';
import { AppError } from './errors.ts';
import { causeChain, refusal } from './workflow-errors.ts';

/** A failed update as the client throws it: the validator's ApplicationFailure under the client's error. */
const refused = (type: string, message: string) =>
  new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true }));

/** A gRPC error as grpc-js makes it (code, details, metadata), wrapped by the client as it does. */
function grpc(code: number, details: string): ServiceError {
  const raw = Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
  return new ServiceError('Workflow Update failed', { cause: raw });
}

const http = (error: Error) => (error instanceof AppError ? [error.status, error.code, error.message] : ['raw', error.message]);

test('each refusal of an update validator becomes its HTTP status by its failure type, with its message', () => {
  assert.deepEqual(http(refusal(refused(REFUSAL.conflict, '该任务已被他人认领'))), [409, 'TASK_CONFLICT', '该任务已被他人认领']);
  assert.deepEqual(http(refusal(refused(REFUSAL.forbidden, '您的角色或辖区不能办理该任务'))), [
    403,
    'TASK_FORBIDDEN',
    '您的角色或辖区不能办理该任务',
  ]);
  assert.deepEqual(http(refusal(refused(REFUSAL.rule, '复核意见必填'))), [422, 'CASE_RULE', '复核意见必填']);
});

test('the message text does not decide: a refusal whose message reads like an outage is still a refusal', () => {
  assert.deepEqual(http(refusal(refused(REFUSAL.conflict, 'UNAVAILABLE: connect'))), [409, 'TASK_CONFLICT', 'UNAVAILABLE: connect']);
});

test('a refusal found deeper in the cause chain is mapped the same way', () => {
  const deep = new ServiceError('outer', { cause: refused(REFUSAL.forbidden, '只能退回自己认领的任务') });
  assert.deepEqual(http(refusal(deep)), [403, 'TASK_FORBIDDEN', '只能退回自己认领的任务']);
});

test('a workflow that has finished (not found, or the server says NOT_FOUND) is a 409 CASE_FINISHED', () => {
  const finished = [409, 'CASE_FINISHED', '案件流程已结束，不能再办理'];
  assert.deepEqual(http(refusal(new WorkflowNotFoundError('workflow execution already completed', 'case-1', undefined))), finished);
  assert.deepEqual(http(refusal(grpc(5, 'workflow execution already completed'))), finished);
});

test('an unreachable Temporal (gRPC UNAVAILABLE anywhere in the chain) is a 503', () => {
  assert.deepEqual(http(refusal(grpc(14, 'No connection established'))), [503, 'TEMPORAL_UNAVAILABLE', '流程引擎暂不可用，请稍后重试']);
});

test('any other failure is returned as it was, and a thrown non-error becomes an Error', () => {
  const other = refused('SomethingElse', 'boom');
  assert.equal(refusal(other), other);
  assert.deepEqual(http(refusal(grpc(13, 'internal'))), ['raw', 'Workflow Update failed']);
  assert.deepEqual(http(refusal('text')), ['raw', 'text']);
});

test('the cause chain lists the error and its causes, outermost first, and stops at a cycle', () => {
  const inner = new Error('inner');
  const outer = new Error('outer', { cause: inner });
  assert.deepEqual(causeChain(outer), [outer, inner]);
  const loop = new Error('loop');
  loop.cause = loop;
  assert.deepEqual(causeChain(loop), [loop]);
  assert.deepEqual(causeChain(undefined), []);
});
