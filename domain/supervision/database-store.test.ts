/**
 * The supervision store against PostgreSQL, as the application role: a case's escalations and
 * callbacks, a callback recorded once (a second delivery with its id or its key is not), and what an
 * escalation is built from.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { DatabaseCaseStore } from '../cases/database-store.ts';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { demoUser, houseIn, seedHouses, registration, newCase } from '../../test/support/case-store.ts';
import { DatabaseSupervisionStore } from './database-store.ts';

let database: TestDatabase;
let store: DatabaseSupervisionStore;
let caseId: string;

before(async () => {
  database = await createTestDatabase();
  await seedHouses(database.db, 20);
  store = new DatabaseSupervisionStore(database.appDb);
  const cases = new DatabaseCaseStore(database.appDb);
  const officer = await demoUser(database.db, 'officer');
  const house = await houseIn(database.db, '441802006');
  ({ id: caseId } = await cases.create(newCase(house, officer)));
  await cases.applyTransition(registration(caseId, officer));
  await database.db('case_escalations').insert({
    case_id: caseId,
    no: 1,
    reason: 'overdue',
    reason_text: '超期未处理',
    element_id: 'Task_assign',
    status: 'accepted',
    receipt_id: 'R-1',
    requested_at: new Date(),
  });
});

after(async () => {
  await database?.drop();
});

const callback = (over: Partial<{ id: string; idempotencyKey: string }> = {}) => ({
  id: randomUUID(),
  idempotencyKey: randomUUID(),
  caseId,
  receiptId: 'R-1',
  kind: 'instruction',
  text: '请加快处理',
  sentAt: new Date().toISOString(),
  ...over,
});

test("a case's escalations by number, and whether a receipt is one of them", async () => {
  const [first] = await store.escalations(caseId);
  assert.equal(first?.no, 1);
  assert.equal(first?.reasonText, '超期未处理');
  assert.equal(first?.receiptId, 'R-1');
  assert.ok(first?.requestedAt instanceof Date);
  assert.equal(await store.hasEscalation(caseId, 'R-1'), true);
  assert.equal(await store.hasEscalation(caseId, 'R-2'), false);
  assert.deepEqual(await store.escalations(randomUUID()), []);
});

test('a callback is recorded once: again with its id or its key, it is not', async () => {
  const cb = callback();
  assert.equal(await store.callbackSeen(cb.id), false);
  assert.equal(await store.recordCallback(cb), true);
  assert.equal(await store.callbackSeen(cb.id), true);
  assert.equal(await store.callbackKeySeen(cb.idempotencyKey), true);
  assert.equal(await store.recordCallback({ ...cb, idempotencyKey: randomUUID() }), false);
  assert.equal(await store.recordCallback({ ...cb, id: randomUUID() }), false);
  const received = await store.callbacks(caseId);
  assert.deepEqual(
    received.map((r) => [r.id, r.kind, r.text]),
    [[cb.id, 'instruction', '请加快处理']],
  );
});

test('what an escalation is built from; a missing case or escalation is an error', async () => {
  const facts = await store.escalationFacts(caseId, 1);
  assert.equal(facts.case.severity, 'serious');
  assert.deepEqual(facts.case.activeElements, ['Task_assign']);
  assert.equal(facts.escalation.reason, 'overdue');
  assert.deepEqual(
    facts.events.map((e) => e.type),
    ['case.registered'],
  );
  assert.deepEqual(facts.files, []);
  await assert.rejects(store.escalationFacts(caseId, 2), /escalation 2 of case/);
  await assert.rejects(store.escalationFacts(randomUUID(), 1), /is missing/);
});
