import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskEventData, maskName, maskPhone, maskPhonesInText } from './mask.ts';

test('phones keep their first three and last four digits; names their first character', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('欧阳娜娜'), '欧***');
  assert.equal(maskPhone(null), null);
});

test('mobile numbers inside free text are masked, other digits are not', () => {
  assert.equal(maskPhonesInText('call 13912345678 about case 2026112500001'), 'call 139****5678 about case 2026112500001');
});

test('a trail event shows the responsible party its form named masked, and leaves the stored data as it was', () => {
  const stored = {
    step: 'assign',
    form: { responsibleParty: { name: '张三', phone: '13812345678', relation: 'owner' }, measures: ['appraisal'] },
  };
  const shown = maskEventData(stored);
  assert.deepEqual(shown, {
    step: 'assign',
    form: { responsibleParty: { name: '张*', phone: '138****5678', relation: 'owner' }, measures: ['appraisal'] },
  });
  assert.equal(stored.form.responsibleParty.phone, '13812345678');
  const other = { step: 'recheck', form: { result: 'pass' } };
  assert.equal(maskEventData(other), other);
});
