import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { hazardForms } from '../../definitions/hazard-case/forms.ts';
import { LATEST_HAZARD_CASE_VERSION } from '../../definitions/hazard-case/index.ts';
import { InputError } from '../../domain/errors.ts';
import { MAX_DEPTH } from './input-guard.ts';
import { Text, Uuid } from './schemas.ts';
import { MAX_REPORTED, validator } from './validation.ts';

const Body = Type.Object(
  { title: Type.String({ maxLength: 50 }), note: Type.Optional(Text({ maxLength: 500 })), fileIds: Type.Array(Uuid, { maxItems: 9 }) },
  { additionalProperties: false },
);
const check = validator(Body, 'body', { singleLine: true });

function refusal(value: unknown, run = check): InputError {
  try {
    run(value);
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error;
  }
  assert.fail('the input was accepted');
}

test('a body of 500,000 array items is refused at once, naming the body, with a short answer', () => {
  const body = { title: 'x', fileIds: Array.from({ length: 500_000 }, (_, i) => i) };
  const started = performance.now();
  const error = refusal(body);
  assert.ok(performance.now() - started < 100, `took ${performance.now() - started} ms`);
  assert.ok(error.details.length <= MAX_REPORTED);
  assert.ok(JSON.stringify(error.details).length < 2000);
});

test('thousands of wrong items under the element limit name at most MAX_REPORTED problems, in linear time', () => {
  const body = { title: 'x', fileIds: Array.from({ length: 40_000 }, (_, i) => i) };
  const started = performance.now();
  const error = refusal(body);
  // A few ms when alone; the quadratic de-duplication took seconds here. Generous: test machines are shared.
  assert.ok(performance.now() - started < 1000, `took ${performance.now() - started} ms`);
  assert.ok(error.details.length >= 1 && error.details.length <= MAX_REPORTED, String(error.details.length));
});

test('a small body gets every problem named once', () => {
  const error = refusal({ title: 5, fileIds: ['a', 'b'], extra: 1 });
  assert.deepEqual(error.details.map((d) => d.field).sort(), ['body.extra', 'body.fileIds.0', 'body.fileIds.1', 'body.title']);
});

test('a body nested 10,000 deep is refused before any recursive code sees it', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 10_000; i++) deep = { a: deep };
  const error = refusal({ title: 'x', fileIds: [], deep });
  assert.equal(error.details[0]?.reason, 'maxDepth');
  assert.match(error.message, new RegExp(`${MAX_DEPTH}`));
});

test('control characters are refused naming the field; line breaks only in multi-line text', () => {
  assert.equal(refusal({ title: 'a\u0000b', fileIds: [] }).field, 'body.title');
  assert.equal(refusal({ title: 'ok', note: 'x\u0001', fileIds: [] }).field, 'body.note');
  assert.equal(refusal({ title: 'a\nb', fileIds: [] }).details[0]?.reason, 'singleLine');
  assert.equal(refusal({ title: 'a\u007f', fileIds: [] }).details[0]?.reason, 'controlCharacter');
  assert.equal(refusal({ title: 'ok', fileIds: [], ['x\u0000']: 1 }).details[0]?.reason, 'controlCharacter');
  assert.deepEqual(check({ title: '第一行', note: '第一行\r\n第二行\t缩进', fileIds: [] }), {
    title: '第一行',
    note: '第一行\r\n第二行\t缩进',
    fileIds: [],
  });
});

test('query parameters are checked the same way, with the field named', () => {
  const query = validator(Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })) }), 'query', { singleLine: true });
  assert.equal(refusal({ q: 'abc\u0000' }, query).field, 'query.q');
});

test('without singleLine (task forms), text keeps its line breaks but not other control characters', () => {
  const form = validator(Type.Object({ note: Type.String({ maxLength: 50 }) }), 'body');
  assert.deepEqual(form({ note: 'a\nb' }), { note: 'a\nb' });
  assert.equal(refusal({ note: 'a\u0000' }, form).field, 'body.note');
});

test('fields are named by their Chinese titles, one message each, without schema jargon', () => {
  const schema = Type.Object(
    {
      yearBuilt: Type.Optional(Type.Union([Type.Integer({ maximum: 2100 }), Type.Null()], { title: '建成年份' })),
      use: Type.Union([Type.Literal('own_home'), Type.Literal('business')], { title: '房屋用途' }),
      party: Type.Object({ name: Type.String({ minLength: 1, title: '姓名' }) }, { title: '整改责任人' }),
      photos: Type.Array(Uuid, { title: '现场照片', maxItems: 3 }),
    },
    { additionalProperties: false },
  );
  const run = validator(schema, 'body');
  const error = refusal({ yearBuilt: 'old', use: 'x', party: { name: '' }, photos: ['nope'] }, run);
  assert.deepEqual(
    error.details.map((d) => d.message),
    [
      '建成年份：应为整数（可留空）',
      '房屋用途：取值应为：own_home、business',
      '整改责任人的姓名：长度不能少于 1 个字符',
      '现场照片第 1 项：格式应为UUID',
    ],
  );
  assert.doesNotMatch(error.message, /anyOf|must|yearBuilt|party/);
  assert.equal(refusal({ yearBuilt: 3000, use: 'business', party: { name: 'a' }, photos: [] }, run).message, '建成年份：不能大于 2100');
  assert.equal(refusal({ use: 'business', photos: [] }, run).message, '整改责任人：必填');
});

test('a wrong choice lists the choices by their Chinese names where the schema gives them', () => {
  const error = refusal({ measures: ['fly_away'] }, validator(hazardForms(LATEST_HAZARD_CASE_VERSION).assign, 'body'));
  const measures = error.details.find((d) => d.field === 'body.measures.0');
  assert.equal(measures?.message, '整治措施第 1 项：取值应为：停止使用、人员撤离、维修加固、委托有资质机构鉴定、拆除');
});

test('a conditional rule of a task form names only the field it requires', () => {
  const error = refusal({ result: 'fail' }, validator(hazardForms(LATEST_HAZARD_CASE_VERSION).recheck, 'body'));
  assert.deepEqual(
    error.details.map((d) => [d.field, d.message]),
    [['body.reasons', '不通过原因：必填']],
  );
});

test('a task form names its fields by the titles of the definition', () => {
  const error = refusal({ measures: [] }, validator(hazardForms(LATEST_HAZARD_CASE_VERSION).assign, 'body'));
  assert.deepEqual(error.details.map((d) => d.message).sort(), ['整改责任人：必填', '整治措施：至少 1 项'].sort());
});
