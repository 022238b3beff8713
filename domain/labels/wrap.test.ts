import assert from 'node:assert/strict';
import { test } from 'node:test';
import { breakUnits, wrapLines } from './wrap.ts';

// Ideographs one unit wide, ASCII half a unit: close to the label font's metrics.
const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 128 ? 0.5 : 1), 0);

test('a house number stays with its counter word; brackets and commas stay with their text', () => {
  assert.deepEqual(breakUnits('人民一路3号'), ['人', '民', '一', '路', '3号']);
  assert.deepEqual(breakUnits('松岗路128号A座'), ['松', '岗', '路', '128号', 'A座']);
  assert.deepEqual(breakUnits('巷（原址），北'), ['巷', '（原', '址），', '北']);
});

test('lines never split a number from its 号, and overflow ends in an ellipsis', () => {
  assert.deepEqual(wrapLines('凤城街道高基里社区人民一路3号', 13, 3, width), ['凤城街道高基里社区人民一路', '3号']);
  const long = wrapLines('洲心街道大岗村委会银英路与中心路交汇处北侧第三巷26号原供销社旧址再往北走一百米', 8, 3, width);
  assert.equal(long.length, 3);
  assert.ok(long[2]?.endsWith('…'));
  assert.ok(long.every((l) => width(l) <= 8));
});

test('an empty address gives no lines', () => {
  assert.deepEqual(wrapLines('  ', 10, 3, width), []);
});
