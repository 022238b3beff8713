import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyDraft, positionOf, refusalErrors, validateDraft } from './draft.ts';

const filled = { ...emptyDraft(), category: 'other' as const, description: '楼顶在加建铁皮房' };

describe('the complaint form’s checks', () => {
  test('an empty form asks for the type and the description; name, phone and photos are optional', () => {
    assert.deepEqual(validateDraft(emptyDraft(), false), { category: '请选择问题类型', description: '请描述您看到的问题' });
    assert.deepEqual(validateDraft(filled, false), {});
  });

  test('the description is counted without the spaces around it, as the API stores it', () => {
    assert.deepEqual(validateDraft({ ...filled, description: '  墙裂了  ' }, false), { description: '问题描述至少 5 个字' });
  });

  test('a phone is an 11-digit mobile number, spaces and dashes allowed', () => {
    assert.deepEqual(validateDraft({ ...filled, phone: '139 1234-5678' }, false), {});
    assert.deepEqual(validateDraft({ ...filled, phone: '0763-1234567' }, false), { phone: '请填写 11 位手机号码' });
  });

  test('without a house code a position is needed, located or typed within range', () => {
    assert.deepEqual(validateDraft(filled, true), { position: '请点击“使用当前位置”，或填写经纬度' });
    assert.deepEqual(positionOf({ latitude: ' 23.7 ', longitude: '113.05', accuracy: null }), { latitude: 23.7, longitude: 113.05 });
    assert.deepEqual(positionOf({ latitude: '95', longitude: '113', accuracy: null }), { error: '纬度应为 -90 到 90 之间的数字' });
    assert.deepEqual(positionOf({ latitude: '23.7', longitude: '东经113', accuracy: null }), { error: '经度应为 -180 到 180 之间的数字' });
  });
});

describe('the server’s refusals on the form', () => {
  test('each problem goes next to its field, without the API’s field-name prefix', () => {
    const errors = refusalErrors({
      ok: false,
      status: 400,
      message: '输入有误',
      problems: [
        { field: 'body.description', message: 'description：长度不能少于 5 个字符' },
        { field: 'body.fileIds.1', message: '照片不存在或已过期，请重新上传' },
        { field: 'body.position.latitude', message: 'position.latitude：不能大于 90' },
      ],
    });
    assert.deepEqual(errors, {
      description: '长度不能少于 5 个字符',
      photos: '照片不存在或已过期，请重新上传',
      position: '不能大于 90',
      form: '请先修改标出的内容',
    });
  });

  test('a limit reached shows the server’s own words; no network says so', () => {
    const limited = refusalErrors({ ok: false, status: 429, message: '提交过于频繁，请一小时后再试', problems: [] });
    assert.deepEqual(limited, { form: '提交过于频繁，请一小时后再试' });
    assert.deepEqual(refusalErrors({ ok: false, status: 0, message: '', problems: [] }), { form: '网络不通，请检查网络后重新提交' });
  });
});
