import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskName, maskPhone, maskPhonesInText } from './mask.ts';

test('phones keep their first three and last four digits; names their first character', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('欧阳娜娜'), '欧***');
  assert.equal(maskPhone(null), null);
});

test('mobile numbers inside free text are masked, other digits are not', () => {
  assert.equal(maskPhonesInText('call 13912345678 about case 2026112500001'), 'call 139****5678 about case 2026112500001');
});
