import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, roleRegionProblem } from './roles.ts';

test('each role works at its own level of region, and says which when given another', () => {
  assert.equal(roleRegionProblem('inspector', '441802006001'), null);
  assert.equal(roleRegionProblem('town_officer', '441802006'), null);
  for (const role of ['district_admin', 'district_officer', 'auditor'] as const) assert.equal(roleRegionProblem(role, '441802'), null);
  assert.equal(roleRegionProblem('inspector', '441802'), '村（社区）排查员的管辖区域须为村（社区）一级');
  assert.match(roleRegionProblem('town_officer', '441802006001') ?? '', /镇（街道）/);
  assert.match(roleRegionProblem('district_officer', '441802006') ?? '', /区\/县/);
  for (const role of ROLES) assert.ok(roleRegionProblem(role, '44'), `${role} at province level`);
});
