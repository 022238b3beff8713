/**
 * The import template: one column per building field, with the Chinese header users see in Excel.
 * The same list drives the header check, the cell conversion, the template files and the README.
 */
import {
  ALTERATION,
  APPRAISAL_GRADE,
  APPROVAL_TYPE,
  BUILDING_USE,
  BUSINESS_CATEGORY,
  FOUNDATION_TYPE,
  JUDGEMENT,
  RECTIFICATION_STATUS,
  STRUCTURE_TYPE,
} from '../buildings/enums.ts';
import type { BuildingCreateInput } from '../buildings/schema.ts';

/** An enumeration as declared in enums.ts: stable values and their Chinese labels. */
export interface LabelledEnum {
  values: readonly string[];
  labels: Record<string, string>;
}

/** How a column's cells are converted. */
export type ColumnKind = 'code' | 'text' | 'int' | 'number' | 'bool' | 'enum' | 'date' | 'approvals';

/** The fields a row may carry: the building's and its code, for updates. */
export type ImportField = keyof BuildingCreateInput | 'code';

/** One column of the template. */
export interface ImportColumn {
  header: string;
  field: ImportField;
  kind: ColumnKind;
  /** A required column must be in the header, and its cell must be filled. */
  required: boolean;
  /** What to write, for the 填写说明 sheet and the README. */
  note: string;
  values?: LabelledEnum;
  /** Codes accepted for an enum's values (cell text → value), as the national layout writes them. */
  codes?: Readonly<Record<string, string>>;
}

const col = (header: string, field: ImportField, kind: ColumnKind, required: boolean, note: string, values?: LabelledEnum) =>
  values ? { header, field, kind, required, note, values } : { header, field, kind, required, note };

/** The template's columns, in order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  col('房屋编码', 'code', 'code', false, '留空表示新增房屋（系统自动编码）；填写 18 位房屋编码表示更新该房屋'),
  col('外部编号（全国平台编码）', 'externalId', 'text', false, '全国自建房信息平台的房屋编码；重复导入时按此匹配并更新'),
  col('村（社区）代码', 'villageCode', 'text', true, '12 位村（社区）行政区划代码，如 441802006001'),
  col('地址', 'address', 'text', true, '2–200 个字'),
  col('经度', 'longitude', 'number', false, 'WGS-84 经度（十进制度），如 113.0561；与纬度同时填写'),
  col('纬度', 'latitude', 'number', false, 'WGS-84 纬度（十进制度），如 23.6818'),
  col('户主姓名', 'ownerName', 'text', false, '个人信息，仅授权人员可见'),
  col('户主电话', 'ownerPhone', 'text', false, '手机或固话，5–20 位数字'),
  col('地上层数', 'floorsAbove', 'int', true, '1–60 的整数'),
  col('地下层数', 'floorsBelow', 'int', false, '0–10 的整数，留空为 0'),
  col('建筑面积(㎡)', 'floorArea', 'number', false, '平方米，保留两位小数'),
  col('建成年份', 'yearBuilt', 'int', false, '四位年份，如 1998'),
  col('结构类型', 'structureType', 'enum', true, '见可选值', STRUCTURE_TYPE),
  col('基础类型', 'foundationType', 'enum', false, '见可选值', FOUNDATION_TYPE),
  col('是否专业设计', 'professionallyDesigned', 'bool', false, '是 / 否'),
  col('是否有资质施工', 'qualifiedBuilder', 'bool', false, '是 / 否'),
  col('改扩建情况', 'alteration', 'enum', false, '见可选值，留空为“无”', ALTERATION),
  col('改扩建年份', 'alterationYear', 'int', false, '有改扩建时填写，不早于建成年份'),
  col('房屋用途', 'use', 'enum', true, '见可选值', BUILDING_USE),
  col('经营类别', 'businessCategory', 'enum', false, '经营用房必填；三合一可填；其他用途不填', BUSINESS_CATEGORY),
  col('常住人数', 'occupants', 'int', false, '0–10000 的整数'),
  col('排查结论', 'latestJudgement', 'enum', false, '见可选值；填写时须填排查日期', JUDGEMENT),
  col('排查日期', 'latestJudgementAt', 'date', false, 'YYYY-MM-DD 或 YYYY/M/D，不晚于今天'),
  col('整治状态', 'rectificationStatus', 'enum', false, '见可选值，留空为“无需整治”', RECTIFICATION_STATUS),
  col('整治措施', 'rectificationMeasures', 'text', false, '至多 1000 字'),
  col('鉴定等级', 'appraisalGrade', 'enum', false, '危险房屋鉴定等级（JGJ 125-2016）', APPRAISAL_GRADE),
  col('鉴定日期', 'appraisalDate', 'date', false, 'YYYY-MM-DD 或 YYYY/M/D；填写时须填鉴定等级'),
  col('鉴定报告', 'appraisalReport', 'text', false, '报告编号及鉴定机构，至多 500 字'),
  col(
    '审批手续',
    'approvals',
    'approvals',
    false,
    `每项写“类型|文号|发证机关|日期”（发证机关、日期可省略），多项以“；”或换行分隔，如“营业执照|91441802MA5X|清城区市场监督管理局|2024-03-01”；类型可填：${APPROVAL_TYPE.values.map((v) => APPROVAL_TYPE.labels[v]).join('、')}。更新时整列替换原有审批手续（已上传的扫描件按类型和文号保留），留空则保持原值`,
  ),
];

/**
 * Headers are matched loosely: full-width and half-width forms alike (NFKC), spaces ignored, case
 * ignored, so a header retyped by hand still matches. The English field name is accepted too.
 */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

const BY_KEY = new Map<string, ImportColumn>();
for (const c of IMPORT_COLUMNS) {
  BY_KEY.set(headerKey(c.header), c);
  BY_KEY.set(headerKey(c.field), c);
}

/** The column a header names, if any. */
export function columnForHeader(header: string): ImportColumn | undefined {
  return BY_KEY.get(headerKey(header));
}

/** The column of a field (every field has one). */
export function columnOf(field: ImportField): ImportColumn {
  const found = IMPORT_COLUMNS.find((c) => c.field === field);
  if (!found) throw new Error(`no import column for ${field}`);
  return found;
}

/** The labels a user may write in an enum column, for messages and the instructions sheet. */
export function allowedLabels(values: LabelledEnum): string[] {
  return values.values.map((v) => values.labels[v] ?? v);
}
