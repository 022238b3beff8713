import assert from 'node:assert/strict';
import { test } from 'node:test';
import { houseAddress } from './place.ts';

test('an address that begins with its town and names its village is not prefixed again', () => {
  assert.equal(houseAddress('凤城街道', '高基里社区居委会', '凤城街道高基里 8 号'), '凤城街道高基里 8 号');
});

test('an address of the street alone gets its town and village in front', () => {
  assert.equal(houseAddress('凤城街道', '高基里社区居委会', '人民一路 3 号'), '凤城街道 高基里社区居委会 人民一路 3 号');
});

test('an address naming the village but not the town gets the town only', () => {
  assert.equal(houseAddress('源潭镇', '大埔村委会', '大埔村 12 号'), '源潭镇 大埔村 12 号');
});

test('missing parts are left out', () => {
  assert.equal(houseAddress(null, null, '人民一路 3 号'), '人民一路 3 号');
  assert.equal(houseAddress('凤城街道', null, null), '凤城街道');
});
