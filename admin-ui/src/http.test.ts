import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inputMessage } from './http.ts';

test('under its input a problem drops the field name the API put in front, and only that', () => {
  assert.equal(
    inputMessage({ field: 'body.floorsAbove', reason: 'minimum', message: '地上层数：不能小于 1', label: '地上层数' }),
    '不能小于 1',
  );
  assert.equal(
    inputMessage({ field: 'body.businessCategory', reason: 'required', message: '经营用房须填写经营类别' }),
    '经营用房须填写经营类别',
  );
  assert.equal(
    inputMessage({
      field: 'body.villageCode',
      reason: 'outOfScope',
      message: '所属村（社区）：441802007001 不在您的管辖范围内',
      label: '房屋用途',
    }),
    '所属村（社区）：441802007001 不在您的管辖范围内',
  );
});
