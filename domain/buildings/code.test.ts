import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildingCode, buildingCodeProblem, checkCharacter, groupedCode } from './code.ts';
import { groupedCode as phoneGrouping } from '../../admin-ui/src/mobile/shared/text.ts';

test('the check character follows ISO 7064 MOD 11-2, as in resident ID numbers', () => {
  // The published example of GB 11643: 11010519491231002X.
  assert.equal(checkCharacter('11010519491231002'), 'X');
  assert.equal(checkCharacter('44052418800101001'), '4');
});

test('a code is the village code, a 5-digit sequence and the check character', () => {
  const code = buildingCode('441802006001', 7);
  assert.equal(code.slice(0, 17), '44180200600100007');
  assert.equal(buildingCodeProblem(code), null);
});

test('mistyped codes are told apart: wrong length, bad characters, bad check character', () => {
  const code = buildingCode('441802006001', 7);
  assert.equal(buildingCodeProblem(code.slice(0, 17)), 'length');
  assert.equal(buildingCodeProblem(`A${code.slice(1)}`), 'characters');
  const last = code[17] === '1' ? '2' : '1';
  assert.equal(buildingCodeProblem(code.slice(0, 17) + last), 'checkCharacter');
  // A swapped pair of digits is caught.
  const swapped = code.slice(0, 15) + code[16] + code[15] + code.slice(17);
  assert.notEqual(swapped, code);
  assert.equal(buildingCodeProblem(swapped), 'checkCharacter');
});

test('the code is grouped one way everywhere: the label and the phone pages read 441802 006 001 00001X', () => {
  assert.equal(groupedCode('44180200600100001X'), '441802 006 001 00001X');
  assert.equal(phoneGrouping('44180200600100001X'), groupedCode('44180200600100001X'));
  assert.equal(groupedCode('4418'), '4418');
});
