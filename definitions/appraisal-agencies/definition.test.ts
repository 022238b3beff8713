import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appraisalAgencyList, checkAgency } from './index.ts';

const list = appraisalAgencyList();
const [first, second] = list.agencies;

test('an agency on the list with its own number is listed, whatever the spaces and the case of the number', () => {
  assert.ok(first);
  assert.equal(checkAgency(list, first.name, first.qualificationNo), 'listed');
  assert.equal(checkAgency(list, ` ${first.name}\u3000`, first.qualificationNo.toLowerCase()), 'listed');
});

test('a listed name with another number, or a listed number under another name, does not match', () => {
  assert.ok(first && second);
  assert.equal(checkAgency(list, first.name, 'JD-0000-9999'), 'qualification_mismatch');
  assert.equal(checkAgency(list, first.name, second.qualificationNo), 'qualification_mismatch');
  assert.equal(checkAgency(list, '某某鉴定公司', first.qualificationNo), 'qualification_mismatch');
});

test('an agency neither named nor numbered on the list is unlisted', () => {
  assert.equal(checkAgency(list, '某某鉴定公司', 'XX-1'), 'unlisted');
});

test('the list’s names and numbers are unique', () => {
  assert.equal(new Set(list.agencies.map((a) => a.name)).size, list.agencies.length);
  assert.equal(new Set(list.agencies.map((a) => a.qualificationNo)).size, list.agencies.length);
});
