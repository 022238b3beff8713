import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WARNING_QUERIES, WARNING_RULE_DEFINITIONS, warningRule, warningRulesDefinition } from './index.ts';

test('every version has unique rule ids, known queries, positive thresholds and a deadline', () => {
  for (const def of Object.values(WARNING_RULE_DEFINITIONS)) {
    const ids = def.rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate rule id in version ${String(def.version)}`);
    for (const rule of def.rules) {
      assert.match(rule.id, /^[a-z][a-z0-9_]*$/);
      assert.ok(WARNING_QUERIES.includes(rule.query), `${rule.id}: unknown query ${rule.query}`);
      assert.ok(rule.acknowledgeDays > 0, `${rule.id}: acknowledgeDays`);
      assert.ok(rule.opens.length > 0, `${rule.id}: opens nothing`);
      assert.match(rule.every, /^\d+ (minutes?|hours?)$/, `${rule.id}: every`);
      for (const [name, value] of Object.entries(rule.thresholds)) assert.ok(Number.isFinite(value) && value > 0, `${rule.id}.${name}`);
    }
  }
});

test('every condition of issue 19 is a rule of the current version, and every query has a rule', () => {
  const queries = warningRulesDefinition().rules.map((r) => r.query);
  assert.deepEqual([...queries].sort(), [...WARNING_QUERIES].sort());
});

test('a new version keeps the rules of the one before, so their warnings keep a rule to show', () => {
  const versions = Object.values(WARNING_RULE_DEFINITIONS);
  for (const [i, def] of versions.entries()) {
    assert.equal(def.version, i + 1);
    const before = versions[i - 1];
    if (before)
      for (const rule of before.rules) assert.ok(warningRule(rule.id, def.version), `${rule.id} in version ${String(def.version)}`);
  }
});

test('an unknown version or rule is an error, not a silent default', () => {
  assert.throws(() => warningRulesDefinition(99), /Unknown warning rules version 99/);
  assert.throws(() => warningRule('nope'), /Unknown warning rule nope/);
  assert.equal(warningRule('tier_red').level, 'town');
});
