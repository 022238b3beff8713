/** Enumerations of the hazard case (DOMAIN.md): values are stable identifiers, labels what users read. */

import { labelled } from '../labelled.ts';

/** Hazard categories (异常类型). */
export const CASE_CATEGORY = labelled({
  foundation: '地基基础',
  structure_damage: '承重结构损伤',
  illegal_addition: '违规加层扩建',
  load_bearing_alteration: '擅自拆改承重结构',
  use_change: '擅自改变用途',
  appraisal_report: '虚假/缺失鉴定报告',
  ancillary: '附属构件',
  surroundings: '周边环境',
  other: '其他',
});
export type CaseCategory = (typeof CASE_CATEGORY.values)[number];

export const CASE_SEVERITY = labelled({ serious: '严重隐患', general: '一定隐患' });

export const CASE_STATUS = labelled({
  registered: '已登记',
  assigning: '待分派',
  controlling: '管控中',
  rectifying: '整改中',
  rechecking: '待复核',
  closing: '待销号',
  closed: '已销号',
  cancelled: '已撤销',
});

export type CaseStatus = (typeof CASE_STATUS.values)[number];

export const CASE_SOURCE = labelled({ officer: '人工登记', inspection: '排查发现', complaint: '群众投诉' });

export const OPEN_CASE_STATUSES = ['registered', 'assigning', 'controlling', 'rectifying', 'rechecking', 'closing'] as const;
/** The statuses in which a case is no longer open (every other one is in OPEN_CASE_STATUSES). */
export const ENDED_CASE_STATUSES = ['closed', 'cancelled'] as const;
