import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyDraft, hazardsOf, refusalErrors, refusalReason, validateDraft } from './draft.ts';

describe('the inspection form’s checks', () => {
  test('an empty form asks for the judgement only', () => {
    assert.deepEqual(validateDraft(emptyDraft()), { judgement: '请选择初步判断' });
  });

  test('a hazard judgement needs a checked category, and each checked category a description', () => {
    assert.deepEqual(validateDraft({ ...emptyDraft(), judgement: 'some' }), { hazards: '请至少勾选一项隐患类型' });
    assert.deepEqual(validateDraft({ ...emptyDraft(), judgement: 'serious', checked: { foundation: '  ', other: '裂' } }), {
      'hazard.foundation': '请简要描述该隐患',
      'hazard.other': '描述至少 2 个字',
    });
  });

  test('未发现 sends no hazards, whatever was checked before it was chosen', () => {
    const draft = { ...emptyDraft(), judgement: 'none' as const, checked: { foundation: '下沉' } };
    assert.deepEqual(validateDraft(draft), {});
    assert.deepEqual(hazardsOf(draft), []);
  });

  test('hazards are sent in the checklist’s order, trimmed', () => {
    const draft = { ...emptyDraft(), judgement: 'some' as const, checked: { other: ' 其他 ', foundation: '地基下沉 ' } };
    assert.deepEqual(hazardsOf(draft), [
      { category: 'foundation', description: '地基下沉' },
      { category: 'other', description: '其他' },
    ]);
  });
});

describe('the server’s refusals', () => {
  const hazards = [
    { category: 'foundation' as const, description: '下沉' },
    { category: 'structure_damage' as const, description: '裂' },
  ];

  test('are placed next to their field, without the API’s field prefix', () => {
    const errors = refusalErrors(
      '请求参数有误',
      [
        { field: 'body.hazards.1.description', message: 'hazards.1.description：长度不能少于 2 个字符' },
        { field: 'body.fileIds.0', message: '照片不存在或不属于本次排查，请重新上传' },
        { field: 'body.inspectedAt', message: 'inspectedAt：格式应为日期时间（ISO 8601）' },
      ],
      hazards,
    );
    assert.deepEqual(errors, {
      'hazard.structure_damage': '长度不能少于 2 个字符',
      photos: '照片不存在或不属于本次排查，请重新上传',
      form: '格式应为日期时间（ISO 8601）',
    });
  });

  test('a message that begins with the field’s Chinese name shows beside the field without it', () => {
    const errors = refusalErrors(
      '请求参数有误',
      [{ field: 'body.notes', message: '排查备注：长度不能超过 2000 个字符', label: '排查备注' }],
      hazards,
    );
    assert.equal(errors.notes, '长度不能超过 2000 个字符');
  });

  test('without field details, the message goes on the form', () => {
    assert.deepEqual(refusalErrors('您的角色无权在此房屋排查', [], hazards), { form: '您的角色无权在此房屋排查' });
  });

  test('read as one line for a kept form, named in Chinese', () => {
    const reason = refusalReason(
      '请求参数有误',
      [
        { field: 'body.hazards.1.description', message: 'hazards.1.description：长度不能少于 2 个字符' },
        { field: 'photos', message: '照片“a.heic”：只接受 JPEG、PNG 或 WebP 照片' },
      ],
      hazards,
    );
    assert.equal(reason, '承重结构损伤：长度不能少于 2 个字符；照片“a.heic”：只接受 JPEG、PNG 或 WebP 照片');
  });
});
