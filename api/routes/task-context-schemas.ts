/** Request and reply schemas of a task's context and of assigning a house's open cases together. */
import { Type } from '@sinclair/typebox';
import { MEASURES, RELATIONS } from '../../definitions/hazard-case/forms.ts';
import { Nullable, Text, Uuid } from '../http/schemas.ts';

const measureValues = Object.keys(MEASURES);

/** The responsible party, once for every case of the request (the form's own rules, bounded). */
const ResponsibleParty = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50, title: '姓名' }),
    phone: Type.Optional(
      Type.String({
        pattern: '^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$',
        maxLength: 13,
        title: '联系电话',
        description: '手机号或固定电话（区号-号码）',
      }),
    ),
    relation: Type.Unsafe<string>({ type: 'string', enum: Object.keys(RELATIONS), title: '与房屋关系' }),
  },
  { additionalProperties: false, title: '整改责任人' },
);

/** One case's decision: its assign task, measures, and deadline when not the default. */
const CaseDecision = Type.Object(
  {
    taskId: Type.String({ format: 'uuid', maxLength: 36, title: '分派任务' }),
    measures: Type.Array(Type.Unsafe<string>({ type: 'string', enum: measureValues, title: '措施' }), {
      title: '整治措施',
      minItems: 1,
      maxItems: measureValues.length,
      uniqueItems: true,
    }),
    rectifyDeadline: Type.Optional(
      Type.String({ format: 'date', maxLength: 10, title: '整改期限', description: '不填则按隐患等级的默认期限（YYYY-MM-DD）' }),
    ),
    note: Type.Optional(Text({ maxLength: 500, title: '备注' })),
  },
  { additionalProperties: false },
);

export const AssignTogetherBody = Type.Object(
  {
    responsibleParty: ResponsibleParty,
    cases: Type.Array(CaseDecision, { title: '一并分派的案件', minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const AssignTogetherReply = Type.Object({
  results: Type.Array(
    Type.Object(
      {
        taskId: Uuid,
        caseId: Uuid,
        caseNumber: Type.String(),
        ok: Type.Boolean(),
        status: Type.Optional(Type.String({ description: '办理后的案件状态' })),
        httpStatus: Type.Optional(Type.Integer({ description: '未办理时：单独办理该任务会得到的 HTTP 状态' })),
        code: Type.Optional(Type.String()),
        message: Type.Optional(Type.String({ description: '未办理的原因' })),
      },
      { additionalProperties: false },
    ),
  ),
});

const File = Type.Object({ id: Uuid, name: Type.String(), mime: Type.String() });
const Position = Nullable(Type.Object({ latitude: Type.Number(), longitude: Type.Number(), accuracy: Nullable(Type.Number()) }));

export const TaskContextReply = Type.Object(
  {
    taskId: Uuid,
    caseId: Uuid,
    hazard: Type.Object({ category: Type.String(), severity: Type.String(), description: Type.String(), source: Type.String() }),
    discoveries: Type.Array(
      Type.Object(
        {
          kind: Type.Union([Type.Literal('inspection'), Type.Literal('complaint')]),
          id: Uuid,
          at: Type.String({ format: 'date-time' }),
          description: Nullable(Type.String()),
          position: Position,
          files: Type.Array(File),
        },
        { additionalProperties: true, description: '发现隐患的排查或投诉（投诉人身份不含在内）' },
      ),
    ),
    house: Nullable(Type.Object({ code: Type.String(), address: Nullable(Type.String()) }, { additionalProperties: true })),
    otherOpenCases: Type.Array(
      Type.Object(
        { id: Uuid, number: Type.String(), assignTaskId: Nullable(Uuid), assignable: Type.Boolean() },
        { additionalProperties: true },
      ),
    ),
    decision: Nullable(
      Type.Object({ measures: Type.Array(Type.String()), rectifyDeadline: Nullable(Type.String()) }, { additionalProperties: true }),
    ),
  },
  { additionalProperties: true },
);
