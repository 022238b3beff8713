/**
 * Completion forms of the hazard case v1 steps: the bodies of `POST …/complete`, as TypeBox schemas with
 * Chinese titles (the API validates with Ajv and publishes them in OpenAPI). The enumerations' labels
 * are in labels.ts, free of TypeBox, for the UI.
 */
import { Type } from '@sinclair/typebox';
import type { SchemaOptions, Static, TSchema, TUnsafe } from '@sinclair/typebox';
import { APPRAISAL_GRADES, CONTROL_MEASURES, ESCALATION_ACTIONS, MEASURES, RECHECK_RESULTS, RELATIONS } from './labels.ts';
import type { StepId } from '../types.ts';

/** A string enumeration as one JSON Schema `enum`, so Ajv reports one readable error instead of a union's many. */
function stringEnum<T extends Record<string, string>>(labels: T, options: SchemaOptions): TUnsafe<keyof T & string> {
  const values = Object.keys(labels);
  const description = values.map((v) => `${v} ${labels[v] ?? ''}`).join('；');
  // `x-labels`: the values' Chinese names, which the API's messages list.
  return Type.Unsafe<keyof T & string>({ type: 'string', enum: values, description, 'x-labels': labels, ...options });
}

/** 11-digit mobile number, or a landline with its area code (0763-3381234). */
const PHONE_PATTERN = '^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$';

const Uuid = (options: SchemaOptions = {}) => Type.String({ format: 'uuid', ...options });
const FileIds = (title: string, minItems: number) => Type.Array(Uuid(), { title, description: '已上传文件的 ID', minItems, maxItems: 20 });
const Note = Type.Optional(Type.String({ maxLength: 500, title: '备注' }));
const AppraisalGrade = Type.Optional(stringEnum(APPRAISAL_GRADES, { title: '鉴定等级' }));
const Demolished = Type.Optional(Type.Boolean({ title: '已拆除' }));

export const ResponsibleParty = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50, title: '姓名' }),
    phone: Type.Optional(Type.String({ pattern: PHONE_PATTERN, title: '联系电话', description: '手机号或固定电话（区号-号码）' })),
    relation: stringEnum(RELATIONS, { title: '与房屋关系' }),
  },
  { additionalProperties: false, title: '整改责任人', description: '产权人为第一责任人' },
);

/** 分派: who must rectify, the measures and, when not the default, the deadline. */
export const AssignForm = Type.Object(
  {
    responsibleParty: ResponsibleParty,
    measures: Type.Array(stringEnum(MEASURES, { title: '措施' }), { title: '整治措施', minItems: 1, uniqueItems: true }),
    rectifyDeadline: Type.Optional(
      Type.String({ format: 'date', title: '整改期限', description: '不填则按隐患等级的默认期限（YYYY-MM-DD）' }),
    ),
    note: Note,
  },
  { additionalProperties: false, title: '分派', description: '确定整改责任人、整治措施和整改期限' },
);

/** 管控 (serious hazards only): what was done on site, with photos. */
export const ControlForm = Type.Object(
  {
    measuresTaken: Type.Array(stringEnum(CONTROL_MEASURES, { title: '措施' }), {
      title: '已采取的管控措施',
      minItems: 1,
      uniqueItems: true,
    }),
    fileIds: FileIds('现场照片', 1),
    note: Note,
  },
  { additionalProperties: false, title: '管控', description: '停止使用、撤离人员、设置围挡和警示标志，并上传现场照片' },
);

/** 整改: the owner's rectification evidence, submitted by the inspector. */
export const RectifyForm = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 1000, title: '整改情况' }),
    fileIds: FileIds('整改照片及材料', 1),
    appraisalGrade: AppraisalGrade,
    appraisalReportFileId: Type.Optional(Uuid({ title: '鉴定报告文件' })),
    demolished: Demolished,
  },
  { additionalProperties: false, title: '整改', description: '提交整改照片、情况说明，需鉴定的附鉴定报告' },
);

/**
 * 复核: pass or fail; a failure must say why. The `if`/`then` makes Ajv report a missing `reasons` as
 * `required` on that field.
 */
export const RecheckForm = Type.Object(
  {
    result: stringEnum(RECHECK_RESULTS, { title: '复核结果' }),
    reasons: Type.Optional(Type.String({ minLength: 1, maxLength: 500, title: '不通过原因', description: '复核不通过时必填' })),
    fileIds: Type.Optional(FileIds('复核照片', 0)),
  },
  {
    additionalProperties: false,
    title: '复核',
    description: '复核整改情况；不通过须说明原因',
    if: { properties: { result: { const: 'fail' } }, required: ['result'] },
    then: { required: ['reasons'] },
  },
);

/** 销号: the case is closed and the warning sign removed (销号摘牌). */
export const CloseForm = Type.Object(
  {
    signRemoved: Type.Literal(true, { title: '已摘除警示牌', description: '销号摘牌' }),
    appraisalGrade: AppraisalGrade,
    demolished: Demolished,
    demolitionFileIds: Type.Optional(FileIds('拆除证明材料', 0)),
    note: Note,
  },
  { additionalProperties: false, title: '销号', description: '销号摘牌；严重隐患须有 A 或 B 级鉴定结论或拆除证明' },
);

/** 督办退回处理: the district officer resends the escalation or records it handled. */
export const EscalationRefusedForm = Type.Object(
  {
    action: stringEnum(ESCALATION_ACTIONS, { title: '处理方式' }),
    note: Type.String({ minLength: 1, maxLength: 500, title: '处理说明' }),
  },
  { additionalProperties: false, title: '督办退回处理', description: '政务监督系统退回督办后的处理' },
);

export type AssignFormInput = Static<typeof AssignForm>;
export type ControlFormInput = Static<typeof ControlForm>;
export type RectifyFormInput = Static<typeof RectifyForm>;
export type RecheckFormInput = Static<typeof RecheckForm>;
export type CloseFormInput = Static<typeof CloseForm>;
export type EscalationRefusedFormInput = Static<typeof EscalationRefusedForm>;

/** The completion body of each step. */
export interface HazardFormInputs {
  assign: AssignFormInput;
  control: ControlFormInput;
  rectify: RectifyFormInput;
  recheck: RecheckFormInput;
  close: CloseFormInput;
  escalationRefused: EscalationRefusedFormInput;
}

/** The completion schema of each step. */
export const HAZARD_FORMS_V1: Readonly<Record<StepId, TSchema>> = {
  assign: AssignForm,
  control: ControlForm,
  rectify: RectifyForm,
  recheck: RecheckForm,
  close: CloseForm,
  escalationRefused: EscalationRefusedForm,
};

export { APPRAISAL_GRADES, CONTROL_MEASURES, ESCALATION_ACTIONS, MEASURES, RECHECK_RESULTS, RELATIONS } from './labels.ts';
