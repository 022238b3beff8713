/** The Chinese labels of the hazard case v1 forms' enumerations: pure data, imported by the forms and the UI. */
import { APPRAISAL_GRADE_LABELS } from '../../appraisal-grades.ts';

/** 分派 measures, what the responsible party must do (DOMAIN.md). */
export const MEASURES = {
  stop_use_evacuate: '停止使用、人员撤离',
  repair_reinforce: '维修加固',
  appraisal: '委托有资质机构鉴定',
  demolish: '拆除',
} as const;

/** How the responsible party stands to the house; the owner is the first responsible person (建村〔2023〕18号). */
export const RELATIONS = {
  owner: '产权人',
  user: '使用人',
  manager: '管理人',
  other: '其他',
} as const;

/** 管控 measures taken on site for a serious hazard. */
export const CONTROL_MEASURES = {
  stopped_use: '已停止使用',
  evacuated: '已撤离人员',
  barrier: '已设置围挡',
  warning_sign: '已设置警示标志',
} as const;

/** Appraisal grades (JGJ 125-2016), the same labels as the building file. */
export const APPRAISAL_GRADES = APPRAISAL_GRADE_LABELS;

/** 复核 results. */
export const RECHECK_RESULTS = {
  pass: '通过',
  fail: '不通过',
} as const;

/** What the district officer did with an escalation the supervision system refused. */
export const ESCALATION_ACTIONS = {
  resent: '补充后重新上报',
  handled: '已处理，不再上报',
} as const;
