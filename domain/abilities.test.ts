import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abilityFor, asSubject, createAppAbility, rulesFor } from './abilities.ts';

const ability = (role: Parameters<typeof rulesFor>[0]['role'], regionCode: string) =>
  createAppAbility(rulesFor({ id: 'u1', role, regionCode }));

test('an admin manages users at or below their region and nowhere else', () => {
  const admin = ability('district_admin', '441802006');
  assert.ok(admin.can('update', asSubject('User', { regionCode: '441802006001' })));
  assert.ok(!admin.can('update', asSubject('User', { regionCode: '441802007001' })));
  assert.ok(admin.can('read', 'User'));
});

test('only admins and auditors read the audit log; nobody but admins reads users', () => {
  assert.ok(ability('auditor', '441802').can('read', 'AuditLog'));
  assert.ok(!ability('auditor', '441802').can('read', 'User'));
  for (const role of ['district_officer', 'town_officer', 'inspector'] as const) {
    assert.ok(!ability(role, '441802').can('read', 'AuditLog'), role);
    assert.ok(!ability(role, '441802').can('read', 'User'), role);
  }
});

test('rules survive a JSON round trip, as they do on their way to the UI', () => {
  const rules = JSON.parse(JSON.stringify(rulesFor({ id: 'u', role: 'town_officer', regionCode: '441802006' })));
  const town = createAppAbility(rules);
  assert.ok(town.can('read', asSubject('Region', { code: '441802006001' })));
  assert.ok(!town.can('read', asSubject('Region', { code: '441802007' })));
});

test('the national root scope covers every region', () => {
  assert.ok(ability('auditor', '0').can('read', asSubject('Region', { code: '650102' })));
});

test('abilityFor makes one ability per user, role and region, and a changed role or region gets its own', () => {
  const town = { id: 'u-cache', role: 'town_officer' as const, regionCode: '441802006' };
  const first = abilityFor(town);
  assert.equal(abilityFor({ ...town }), first, 'reused');
  const moved = abilityFor({ ...town, regionCode: '441802007' });
  assert.notEqual(moved, first);
  assert.ok(moved.can('read', asSubject('Region', { code: '441802007001' })));
  assert.ok(!moved.can('read', asSubject('Region', { code: '441802006001' })));
  const demoted = abilityFor({ ...town, role: 'inspector' });
  assert.notEqual(demoted, first);
  // Bounded: a thousand other users later, the first is made anew (equal in what it allows).
  for (let i = 0; i < 1_000; i++) abilityFor({ id: `u-${i}`, role: 'inspector', regionCode: '441802006001' });
  const again = abilityFor(town);
  assert.notEqual(again, first);
  assert.deepEqual(again.rules, first.rules);
});
