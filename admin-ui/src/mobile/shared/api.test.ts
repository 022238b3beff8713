import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemText, refusal } from './api.ts';

const answer = (body: string, status = 422) => new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

test('a refusal names the fields of its details, with their labels', async () => {
  const refused = await refusal(
    answer(
      JSON.stringify({
        error: {
          message: '整改责任人：必填',
          details: [{ field: 'body.hazards.0.description', reason: 'minLength', message: '隐患描述：太短', label: '隐患描述' }],
        },
      }),
    ),
    '提交失败',
  );
  assert.deepEqual(refused, {
    message: '整改责任人：必填',
    problems: [{ field: 'body.hazards.0.description', message: '隐患描述：太短', label: '隐患描述' }],
  });
});

test("a refusal without details names the error's own field; one without a body says the fallback", async () => {
  assert.deepEqual(await refusal(answer('{"error":{"message":"房屋不存在","field":"buildingCode"}}', 404), '提交失败'), {
    message: '房屋不存在',
    problems: [{ field: 'buildingCode', message: '房屋不存在' }],
  });
  assert.deepEqual(await refusal(answer('<html></html>', 502), '提交失败'), { message: '提交失败', problems: [] });
});

test("beside its field a problem drops the field's name, by its label or else the API's field path", () => {
  assert.equal(problemText({ field: 'body.name', message: '整改责任人：必填', label: '整改责任人' }), '必填');
  assert.equal(problemText({ field: 'body.description', message: 'description：至少 5 个字' }), '至少 5 个字');
  assert.equal(problemText({ field: 'photos', message: '照片“a.jpg”：太大' }), '照片“a.jpg”：太大');
});
