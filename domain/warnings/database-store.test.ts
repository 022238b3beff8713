/**
 * Raising warnings on PostgreSQL: the same condition raises no second warning while one is active, an
 * occurrence once closed is settled, a new occurrence after closing raises again, and the lists are
 * scoped to the reader's area and the handler's role.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { warningRule } from '../../definitions/warning-rules/index.ts';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { DatabaseWarningStore } from './database-store.ts';
import { toNewWarnings } from './evaluate.ts';
import type { WarningCandidate } from './store.ts';

let database: TestDatabase;
let store: DatabaseWarningStore;
let officer: { id: string; name: string };

before(async () => {
  database = await createTestDatabase();
  store = new DatabaseWarningStore(database.appDb);
  officer = (await database.db('users').where({ username: 'officer' }).first('id', 'name')) as { id: string; name: string };
});
after(() => database.drop());

const candidate = (subject: string, occurrence: string, regionCode = '441802006001'): WarningCandidate => ({
  subject,
  occurrence,
  regionCode,
  buildingCodes: [],
  caseIds: [],
  evidence: { recheckFailures: 2 },
});
const raise = (c: WarningCandidate, now = new Date()) =>
  store.raise(toNewWarnings(warningRule('recheck_failures'), 1, [c], { now, daySeconds: 86_400 }));

test('the same condition raises once while active; a closed occurrence is settled; a new one after closing raises', async () => {
  assert.equal(await raise(candidate('case-a', 'failures-2')), 1);
  assert.equal(await raise(candidate('case-a', 'failures-2')), 0);
  // A further failure while the first warning is open: still one warning.
  assert.equal(await raise(candidate('case-a', 'failures-3')), 0);
  const [first] = (await store.list('441802', { page: 1, perPage: 10, ruleId: 'recheck_failures' })).data;
  assert.ok(first);
  assert.equal(first.regionCode, '441802006', 'cut to the rule’s level (town)');
  await store.dismiss(first.id, officer, '已现场核实，复查标准有误');
  assert.equal(await raise(candidate('case-a', 'failures-2')), 0, 'the dismissed occurrence stays settled');
  assert.equal(await raise(candidate('case-a', 'failures-3')), 1, 'a new occurrence raises again');
});

test('a run finding thousands at once writes them all (more rows than one statement’s parameters allow), and again nothing', async () => {
  const many = Array.from({ length: 6500 }, (_, i) => candidate(`bulk-${String(i)}`, 'failures-2', '441802009001'));
  const raiseAll = () => store.raise(toNewWarnings(warningRule('recheck_failures'), 1, many, { now: new Date(), daySeconds: 86_400 }));
  assert.equal(await raiseAll(), 6500);
  assert.equal(await raiseAll(), 0, 'nothing twice');
  await database.db('warnings').where('dedupe_key', 'like', 'recheck_failures:bulk-%').delete();
});

test('a standing condition raises again only in the next repeat period', async () => {
  const rule = warningRule('town_overdue_share');
  const day = 1;
  const at = (d: number) => new Date(Date.UTC(2026, 11, 7) + d * 1000);
  const c = { ...candidate('441802007', ''), regionCode: '441802007' };
  const raiseAt = (d: number) => store.raise(toNewWarnings(rule, 1, [c], { now: at(d), daySeconds: day }));
  assert.equal(await raiseAt(0), 1);
  const [w] = (await store.list('441802007', { page: 1, perPage: 10, ruleId: rule.id })).data;
  await store.acknowledge(w?.id as string, officer);
  await store.dismiss(w?.id as string, officer, '已约谈镇街');
  assert.equal(await raiseAt(1), 0, 'same period: settled');
  assert.equal(await raiseAt((rule.repeatDays as number) * day + 1), 1, 'next period: raised again');
});

test('lists and inboxes are scoped: area by region prefix, inbox by role, escalated warnings to the role above', async () => {
  await raise(candidate('case-town8', 'failures-2', '441802008001'));
  const [w] = (await store.list('441802008', { page: 1, perPage: 10 })).data;
  assert.ok(w);
  assert.equal(
    (await store.list('441802006', { page: 1, perPage: 50 })).data.some((x) => x.id === w.id),
    false,
  );
  assert.equal(await store.find('441802006', w.id), undefined);
  assert.equal((await store.find('441802', w.id))?.id, w.id);
  const inbox = (role: string, regionCode: string) =>
    store.tasks({ role, regionCode }, { page: 1, perPage: 50 }).then((r) => r.data.map((x) => x.id));
  assert.ok((await inbox('town_officer', '441802008')).includes(w.id));
  assert.ok(!(await inbox('town_officer', '441802006')).includes(w.id));
  assert.ok(!(await inbox('district_officer', '441802')).includes(w.id));
  assert.equal(await store.escalate(w.id), 'now');
  const at = (await store.find(null, w.id))?.escalatedAt;
  assert.ok(at);
  assert.equal(await store.escalate(w.id), 'before', 'a retry finds it escalated');
  assert.equal((await store.find(null, w.id))?.escalatedAt, at, 'stamped once');
  assert.ok((await inbox('district_officer', '441802')).includes(w.id));
  assert.ok((await inbox('town_officer', '441802008')).includes(w.id), 'still the town’s to handle');
  await store.acknowledge(w.id, officer);
  assert.equal(await store.escalate(w.id), false, 'handled first: not escalated');
});
