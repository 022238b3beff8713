/**
 * Each warning rule's query on PostgreSQL: it finds the condition on data made to trigger it, and
 * nothing on data just below its threshold (one complaint too few or too far, a rise to orange, one
 * recheck failure, an overdue share under the line). The thresholds are the current definition's.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { warningRule } from '../../definitions/warning-rules/index.ts';
import { createTestDatabase } from '../../test/support/database.ts';
import type { TestDatabase } from '../../test/support/database.ts';
import { newComplaint } from '../../test/support/complaint-store.ts';
import { newCase } from '../../test/support/case-store.ts';
import { housesIn } from '../../test/support/imports.ts';
import { DatabaseBuildingStore } from '../buildings/database-store.ts';
import { DatabaseCaseStore } from '../cases/database-store.ts';
import { DatabaseComplaintStore } from '../complaints/database-store.ts';
import { DatabaseWarningQueries } from './database-queries.ts';
import type { QueryContext } from './store.ts';

let database: TestDatabase;
let queries: DatabaseWarningQueries;
let officer: { id: string; name: string; role: string; regionCode: string };
let seed = 100;
const DAY = 86_400;
const ctx = (): QueryContext => ({ now: new Date(), daySeconds: DAY });

before(async () => {
  database = await createTestDatabase();
  queries = new DatabaseWarningQueries(database.appDb);
  const u = (await database.db('users').where({ username: 'officer' }).first('id', 'name')) as { id: string; name: string };
  officer = { ...u, role: 'district_officer', regionCode: '441802' };
});
after(() => database.drop());

async function house(town: string): Promise<{ code: string; villageCode: string }> {
  const [input] = housesIn(town, 1, seed++);
  const code = await new DatabaseBuildingStore(database.db).create(input as never, database.db);
  const row = (await database.db('buildings').where({ code }).first('village_code')) as { village_code: string };
  return { code, villageCode: row.village_code };
}

let spot = 0;
/** Each test's complaints gather around their own spot, 5 km from the others'. */
const nextSpot = () => (spot += 5000);

/** A complaint about `village` at `north` and `east` metres from `base` metres north of a point, filed `daysAgo` days ago. */
async function complaint(village: string, base: number, north: number, east: number, daysAgo = 0): Promise<void> {
  const latitude = 23.6 + (base + north) / 111_320;
  const longitude = 113.03 + east / (111_320 * Math.cos((23.7 * Math.PI) / 180));
  const c = await new DatabaseComplaintStore(database.db).create(
    newComplaint({ buildingCode: null, regionCode: village }, { position: { latitude, longitude } }),
  );
  if (daysAgo)
    await database
      .db('complaints')
      .where({ id: c.id })
      .update({ created_at: new Date(Date.now() - daysAgo * DAY * 1000) });
}

test('complaint cluster: 3 complaints within 200 m in 7 days fire; 2, or a third 300 m off or 8 days old, do not', async () => {
  const { thresholds } = warningRule('complaint_cluster');
  const [a, b, c, d] = [await house('441802007'), await house('441802008'), await house('441802009'), await house('441802103')];
  const [sa, sb, sc, sd] = [nextSpot(), nextSpot(), nextSpot(), nextSpot()];
  // Fires: three within 150 m of each other.
  await complaint(a.villageCode, sa, 0, 0);
  await complaint(a.villageCode, sa, 80, 40);
  await complaint(a.villageCode, sa, -60, 90, 6);
  // Just below: two only.
  await complaint(b.villageCode, sb, 0, 0);
  await complaint(b.villageCode, sb, 50, 50);
  // Just below: the third is 300 m from both others.
  await complaint(c.villageCode, sc, 0, 0);
  await complaint(c.villageCode, sc, 10, 0);
  await complaint(c.villageCode, sc, 300, 0);
  // Just below: the third is older than the window.
  await complaint(d.villageCode, sd, 0, 0);
  await complaint(d.villageCode, sd, 10, 0);
  await complaint(d.villageCode, sd, 20, 0, 8);
  const found = await queries.run('complaintCluster', thresholds, ctx());
  assert.deepEqual(
    found.map((f) => f.subject),
    [a.villageCode],
  );
  assert.equal(found[0]?.evidence.complaints, 3);
  assert.equal((found[0]?.evidence.trackingNos as string[]).length, 3);
});

test('tier raised to red: a rise from green fires once per rise; a rise to orange, red before and after, or a first assessment, does not', async () => {
  const { thresholds } = warningRule('tier_red');
  const risen = await house('441802105');
  const orange = await house('441802105');
  const stayed = await house('441802105');
  const fell = await house('441802105');
  const first = await house('441802105');
  const change = async (code: string, from: string | null, to: string) => {
    await database.db('buildings').where({ code }).update({ risk_tier: to });
    const [row] = (await database
      .db('building_risk_changes')
      .insert({
        building_code: code,
        from_tier: from,
        to_tier: to,
        reasons: JSON.stringify([{ text: '鉴定等级为 C 级或 D 级（危房）' }]),
        version: 1,
        cause: 'test',
      })
      .returning('id')) as { id: string }[];
    return String(row?.id);
  };
  const rise = await change(risen.code, 'green', 'red');
  await change(orange.code, 'yellow', 'orange');
  await change(stayed.code, 'red', 'red');
  await change(fell.code, 'orange', 'red');
  await change(fell.code, 'red', 'yellow');
  await change(first.code, null, 'red');
  const found = (await queries.run('tierRaisedToRed', thresholds, ctx())).filter((f) => f.regionCode.startsWith('441802105'));
  assert.deepEqual(
    found.map((f) => [f.subject, f.occurrence, f.evidence.fromTier]),
    [[risen.code, rise, 'green']],
  );
});

test('repeated recheck failures: an open case failed twice fires; once, or a closed case, does not', async () => {
  const { thresholds } = warningRule('recheck_failures');
  const store = new DatabaseCaseStore(database.db);
  const h = await house('441802106');
  const twice = await store.create(newCase(h, officer, { category: 'structure_damage' }));
  const once = await store.create(newCase(h, officer, { category: 'foundation' }));
  const closed = await store.create(newCase(h, officer, { category: 'illegal_addition' }));
  await database.db('cases').where({ id: twice.id }).update({ recheck_failures: 2, status: 'rectifying' });
  await database.db('cases').where({ id: once.id }).update({ recheck_failures: 1, status: 'rectifying' });
  await database.db('cases').where({ id: closed.id }).update({ recheck_failures: 3, status: 'closed' });
  const found = (await queries.run('repeatedRecheckFailures', thresholds, ctx())).filter((f) => f.regionCode.startsWith('441802106'));
  assert.deepEqual(
    found.map((f) => [f.subject, f.occurrence, f.evidence.recheckFailures]),
    [[twice.id, 'failures-2', 2]],
  );
});

test('town overdue share: 2 of 5 open cases overdue (40 %) fires; 1 of 5, or 4 of 4 (too few open), does not', async () => {
  const { thresholds } = warningRule('town_overdue_share');
  const store = new DatabaseCaseStore(database.db);
  const past = new Date(Date.now() - DAY * 1000);
  const future = new Date(Date.now() + DAY * 1000);
  const open = async (town: string, overdue: number, total: number) => {
    for (let i = 0; i < total; i++) {
      const created = await store.create(newCase(await house(town), officer));
      await database
        .db('cases')
        .where({ id: created.id })
        .update({ status: 'rectifying', due_at: i < overdue ? past : future });
    }
  };
  await open('441802107', 2, 5);
  await open('441802400', 1, 5);
  await open('441802450', 4, 4);
  const found = await queries.run('townOverdueShare', thresholds, ctx());
  assert.deepEqual(
    found.map((f) => [f.subject, f.evidence.openCases, f.evidence.overdueCases, f.evidence.sharePercent]),
    [['441802107', 5, 2, 40]],
  );
  assert.equal(found[0]?.caseIds.length, 2);
});

test('high-risk houses uninspected: 3 red or orange houses judged 40 days ago (or never) fire; 2, a recent one, or yellow ones, do not', async () => {
  const { thresholds } = warningRule('high_risk_uninspected');
  const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * DAY * 1000).toISOString().slice(0, 10);
  const set = async (h: { code: string }, tier: string, judgedDaysAgo: number | null) =>
    database
      .db('buildings')
      .where({ code: h.code })
      .update({
        risk_tier: tier,
        latest_judgement: judgedDaysAgo === null ? null : 'some',
        latest_judgement_at: judgedDaysAgo === null ? null : daysAgo(judgedDaysAgo),
      });
  // Each group in a village of its own town, so the other tests' houses do not count.
  const firesFirst = await house('441802400');
  const vFires = firesFirst.villageCode;
  const fires = [firesFirst, await house(vFires), await house(vFires)];
  await set(fires[0] as { code: string }, 'red', 40);
  await set(fires[1] as { code: string }, 'orange', 35);
  await set(fires[2] as { code: string }, 'orange', null);
  const recentFirst = await house('441802450');
  const vRecent = recentFirst.villageCode;
  const recent = [recentFirst, await house(vRecent), await house(vRecent)];
  await set(recent[0] as { code: string }, 'red', 40);
  await set(recent[1] as { code: string }, 'red', 40);
  await set(recent[2] as { code: string }, 'red', 20);
  const yellowFirst = await house('441802009');
  const vYellow = yellowFirst.villageCode;
  const yellow = [yellowFirst, await house(vYellow), await house(vYellow)];
  await set(yellow[0] as { code: string }, 'red', 40);
  await set(yellow[1] as { code: string }, 'orange', 40);
  await set(yellow[2] as { code: string }, 'yellow', 400);
  const found = (await queries.run('highRiskUninspected', thresholds, ctx())).filter((f) => [vFires, vRecent, vYellow].includes(f.subject));
  assert.deepEqual(
    found.map((f) => [f.subject, f.evidence.uninspectedHouses, f.evidence.redHouses, f.evidence.neverInspected]),
    [[vFires, 3, 1, 1]],
  );
  assert.equal(found[0]?.buildingCodes[0], fires[0]?.code, 'red houses first');
});

test('business at grade C/D: business or mixed use appraised C/D more than 30 days ago fires; 29 days, grade B, or own home, do not', async () => {
  const { thresholds } = warningRule('business_grade_cd');
  const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
  const appraised = async (use: string, grade: string, days: number) => {
    const h = await house('441802103');
    await database
      .db('buildings')
      .where({ code: h.code })
      .update({ use, business_category: use === 'own_home' ? null : 'catering', appraisal_grade: grade, appraisal_date: daysAgo(days) });
    return h.code;
  };
  const shop = await appraised('business', 'C', 40);
  const mixed = await appraised('mixed', 'D', 31);
  const ours = [
    shop,
    mixed,
    await appraised('business', 'C', 29),
    await appraised('business', 'B', 40),
    await appraised('own_home', 'D', 40),
  ];
  const found = (await queries.run('businessAtGradeCD', thresholds, ctx())).filter((f) => ours.includes(f.subject));
  assert.deepEqual(
    found.map((f) => [f.subject, f.evidence.appraisalGrade, f.evidence.appraisalDate, f.evidence.deadline]),
    [
      [shop, 'C', daysAgo(40), daysAgo(10)],
      [mixed, 'D', daysAgo(31), daysAgo(1)],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
  assert.equal(found[0]?.occurrence, `appraised-${String(found[0]?.evidence.appraisalDate)}`, 'a later appraisal is a new occurrence');
});

test('town backlog rising: open cases up at each of 3 week ends to 5 fires; up to 4 only, or a flat week, do not', async () => {
  const { thresholds } = warningRule('town_backlog_rising');
  const store = new DatabaseCaseStore(database.db);
  /** Cases of `town` registered `days` days ago, still open; or closed `closedDaysAgo` days ago. */
  const registered = async (town: string, days: number[], closedDaysAgo?: number) => {
    for (const d of days) {
      const c = await store.create(newCase(await house(town), officer));
      await database
        .db('cases')
        .where({ id: c.id })
        .update({
          created_at: new Date(Date.now() - d * DAY * 1000),
          ...(closedDaysAgo === undefined ? {} : { status: 'closed', closed_at: new Date(Date.now() - closedDaysAgo * DAY * 1000) }),
        });
    }
  };
  // 1, 2, 3, then 5 open at the last four week ends.
  await registered('441802006', [25, 18, 10, 3, 2]);
  // 1, 2, 3, 4: rising, but under 5 now.
  await registered('441802105', [25, 18, 10, 3]);
  // 2, 3, 3, 6: a week without a rise (a case closed as another came).
  await registered('441802103', [25, 25, 10, 3, 3, 2]);
  await registered('441802103', [16], 12);
  const found = (await queries.run('townBacklogRising', thresholds, ctx())).filter((f) =>
    ['441802006', '441802105', '441802103'].includes(f.subject),
  );
  assert.deepEqual(
    found.map((f) => [f.subject, f.evidence.weeklyBacklog, f.evidence.openCases]),
    [['441802006', [1, 2, 3, 5], 5]],
  );
});
