import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formDetails } from './form-details.ts';

test("a completed form reads as labelled lines in the form's order: titles from the schema, enumerations by their labels, no file fields", () => {
  assert.deepEqual(
    formDetails(1, 'assign', {
      measures: ['repair_reinforce', 'appraisal'],
      rectifyDeadline: '2027-02-24',
      responsibleParty: { name: '张*', phone: '138****5678', relation: 'owner' },
    }),
    [
      { label: '整改责任人', value: '张* · 产权人 · 138****5678' },
      { label: '整治措施', value: '维修加固、委托有资质机构鉴定' },
      { label: '整改期限', value: '2027-02-24' },
    ],
  );
  assert.deepEqual(formDetails(2, 'rectify', { description: '已灌浆修补', fileIds: ['f1'], appraisalGrade: 'B', demolished: false }), [
    { label: '整改情况', value: '已灌浆修补' },
    { label: '鉴定等级', value: 'B 级（个别危险构件）' },
    { label: '已拆除', value: '否' },
  ]);
});

test('what the summary line already says (the recheck result and reasons) and empty fields are left out', () => {
  assert.deepEqual(formDetails(1, 'recheck', { result: 'fail', reasons: '未做防锈处理', fileIds: [] }), []);
  assert.deepEqual(formDetails(1, 'assign', { measures: [] }), []);
  assert.deepEqual(formDetails(1, 'close', undefined), []);
});
