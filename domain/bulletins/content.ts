/**
 * The bulletin as text, shared by its PDF and its workbook so the two say the same thing: a title,
 * a line of facts, and four sections of tables (key figures, the ranking, escalated cases, warnings).
 * Numbers stay numbers here; rates are fractions, formatted by each renderer.
 */
import { CASE_CATEGORY, CASE_SEVERITY, CASE_STATUS } from '../cases/enums.ts';
import { RISK_TIER } from '../statistics/dimensions.ts';
import { formatBeijing } from '../time.ts';
import type { BulletinData } from './data.ts';

export type Cell = string | number | { rate: number | null };

export interface Table {
  columns: { title: string; width: number; align?: 'left' | 'right' }[];
  rows: Cell[][];
  /** Said below the table when it lists fewer lines than the total. */
  note?: string;
}

export interface Section {
  title: string;
  /** A sentence before the tables. */
  lead?: string;
  tables: Table[];
}

export interface BulletinContent {
  title: string;
  facts: string;
  sections: Section[];
}

const WARNING_STATUS: Record<string, string> = {
  open: '待签收',
  acknowledged: '已签收',
  escalated: '已超时上报',
  dispatched: '已派发',
  dismissed: '已忽略',
};

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;
/** `2026-11` → `2026年11月`. */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
export const formatRate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function bulletinContent(d: BulletinData): BulletinContent {
  const o = d.overview;
  const childLevel = d.region.level === 'district' ? '镇（街道）' : '村（社区）';
  const figure = (name: string, value: Cell, note = ''): Cell[] => [name, value, note];
  const keyFigures: Table = {
    columns: [
      { title: '指标', width: 200 },
      { title: '数值', width: 90, align: 'right' },
      { title: '口径', width: 225 },
    ],
    rows: [
      figure('自建房总数（栋）', o.houses.total.value, '截至计算时间'),
      figure('其中：经营性自建房', o.houses.business.value, '截至计算时间'),
      figure('其中：三层及以上', o.houses.floors3Plus.value, '截至计算时间'),
      figure(`排查覆盖（近 ${o.coverage.days} 天已排查）`, o.coverage.inspected.value, `覆盖率 ${formatRate(o.coverage.rate)}`),
      figure('研判为严重隐患的房屋', o.judgements.serious.value, '最近一次研判'),
      figure('研判为一定隐患的房屋', o.judgements.some.value, '最近一次研判'),
      figure('尚未排查的房屋', o.judgements.notInspected.value, '截至计算时间'),
      ...(['red', 'orange', 'yellow', 'green'] as const).map((t) =>
        figure(`风险等级：${label(RISK_TIER.labels, t)}`, o.tiers[t].value, '截至计算时间'),
      ),
      figure('本月发现隐患（件）', o.rectification.found.value, '本月立案，不含撤销'),
      figure('其中：已销号', o.rectification.closed.value, '本月立案且已销号'),
      figure('整改率', { rate: o.rectification.rate }, '已销号 ÷ 发现'),
      figure('逾期未办结（件）', o.overdue.value, '截至计算时间'),
      figure('提请督办（件）', o.escalations.value, '本月首次提请督办'),
      figure('群众投诉受理（件）', o.complaints.received.value, '本月'),
      figure('投诉核实属实 / 不属实', `${o.complaints.verified.value} / ${o.complaints.unfounded.value}`, '本月核实'),
      figure('预警（条）', d.warnings.total, '本月产生'),
    ],
  };
  const ranking: Table = {
    columns: [
      { title: '名次', width: 30, align: 'right' },
      { title: childLevel, width: 95 },
      { title: '房屋数', width: 46, align: 'right' },
      { title: '红色风险', width: 44, align: 'right' },
      { title: '在办隐患', width: 44, align: 'right' },
      { title: '逾期', width: 36, align: 'right' },
      { title: '本月发现', width: 44, align: 'right' },
      { title: '已销号', width: 40, align: 'right' },
      { title: '整改率', width: 48, align: 'right' },
      { title: '排查覆盖率', width: 56, align: 'right' },
    ],
    rows: d.ranking.map((r) => [
      r.rank,
      r.region.name,
      r.houses.value,
      r.red.value,
      r.openHazards.value,
      r.overdue.value,
      r.found.value,
      r.closed.value,
      { rate: r.rectificationRate },
      { rate: r.coverageRate },
    ]),
  };
  const escalated: Table = {
    columns: [
      { title: '案件编号', width: 95 },
      { title: '镇（街道）', width: 65 },
      { title: '村（社区）', width: 75 },
      { title: '隐患类别', width: 85 },
      { title: '等级', width: 50 },
      { title: '状态', width: 45 },
      { title: '督办次数', width: 45, align: 'right' },
      { title: '立案日期', width: 55 },
    ],
    rows: d.escalated.rows.map((c) => [
      c.number,
      c.townName ?? '',
      c.villageName ?? '',
      label(CASE_CATEGORY.labels, c.category),
      label(CASE_SEVERITY.labels, c.severity),
      label(CASE_STATUS.labels, c.status),
      c.escalationCount,
      formatBeijing(new Date(c.createdAt)).slice(0, 10),
    ]),
  };
  if (d.escalated.total > d.escalated.rows.length)
    escalated.note = `共 ${d.escalated.total} 件，此处列出前 ${d.escalated.rows.length} 件。`;
  const byRule: Table = {
    columns: [
      { title: '预警规则', width: 400 },
      { title: '条数', width: 115, align: 'right' },
    ],
    rows: d.warnings.byRule.map((r) => [r.ruleName, r.count]),
  };
  const warnings: Table = {
    columns: [
      { title: '预警时间', width: 90 },
      { title: '规则', width: 180 },
      { title: '区域', width: 110 },
      { title: '状态', width: 75 },
      { title: '涉及房屋', width: 60, align: 'right' },
    ],
    rows: d.warnings.rows.map((w) => [
      formatBeijing(new Date(w.raisedAt)),
      w.ruleName,
      w.regionName ?? w.regionCode,
      label(WARNING_STATUS, w.status),
      w.buildingCount,
    ]),
  };
  if (d.warnings.total > d.warnings.rows.length) warnings.note = `共 ${d.warnings.total} 条，此处列出最近 ${d.warnings.rows.length} 条。`;
  return {
    title: `${d.region.name}自建房安全监管通报（${monthLabel(d.month)}）`,
    facts: `区划代码 ${d.region.code}\u3000统计期间 ${d.period.from} 至 ${d.period.to}\u3000计算时间 ${formatBeijing(new Date(d.computedAt))}（北京时间）`,
    sections: [
      { title: '一、本月概况', lead: '以下数字与数据驾驶舱同一区域、同一月份的统计一致。', tables: [keyFigures] },
      {
        title: `二、${childLevel}排名`,
        lead: '按整改率从高到低排列；整改率相同时逾期少者在前，再按排查覆盖率。',
        tables: [ranking],
      },
      {
        title: '三、提请督办案件',
        lead: d.escalated.total ? `本月共 ${d.escalated.total} 件案件提请督办。` : '本月没有提请督办的案件。',
        tables: d.escalated.total ? [escalated] : [],
      },
      {
        title: '四、预警情况',
        lead: d.warnings.total ? `本月共产生 ${d.warnings.total} 条预警。` : '本月没有产生预警。',
        tables: d.warnings.total ? [byRule, warnings] : [],
      },
    ],
  };
}
