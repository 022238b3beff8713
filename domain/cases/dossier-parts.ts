/**
 * Pieces of the dossier that the case page shows the same way: who acted (name, account and role, so
 * two staff of one name are told apart), where the case came from, and its discovery evidence. The
 * complainant's identity is not in the data these are given (`discovery.ts`), so it cannot be printed.
 */
import { hazardCaseDefinition } from '../../definitions/hazard-case/index.ts';
import { JUDGEMENT } from '../buildings/enums.ts';
import { ROLE_LABELS } from '../roles.ts';
import type { Discovery, DiscoveryPosition } from './discovery.ts';
import { CASE_SOURCE } from './enums.ts';
import type { CaseRecord } from './store.ts';

export const beijing = (iso: string | Date) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/** `李排查（账号 inspector，村(居)排查员）`; the system when no one acted. */
export function actorText(name: string | null, username: string | null, role: string | null): string {
  if (!name) return '系统';
  const about = [username ? `账号 ${username}` : null, role ? label(ROLE_LABELS, role) : null].filter(Boolean);
  return about.length ? `${name}（${about.join('，')}）` : name;
}

const KIND = { daily: '日常排查', special: '专项排查' } as const;
const PRESENCE: Record<string, (d: number | null) => string> = {
  near: (d) => `在现场（距房屋 ${d ?? '?'} 米）`,
  far: (d) => `距房屋 ${d ?? '?'} 米，超出现场范围`,
  missing: () => '未提供位置',
  unverifiable: () => '房屋无坐标，无法核验',
};

/** What the record is, in words: `日常排查 2026-12-06 10:00:00 李排查（账号 inspector）` or `群众投诉 TS…`. */
export function discoveryTitle(d: Discovery): string {
  return d.kind === 'inspection'
    ? `${KIND[d.inspectionKind]} ${beijing(d.at)} ${actorText(d.inspectorName, d.inspectorUsername, null)}`
    : `群众投诉 ${d.trackingNo}（${beijing(d.at)} 提交）`;
}

/** The source of a case, naming the report that opened it. */
export function sourceText(source: string, origin: Discovery | undefined): string {
  const name = label(CASE_SOURCE.labels, source);
  return origin ? `${name}：${discoveryTitle(origin)}` : name;
}

const positionText = (p: DiscoveryPosition | null) =>
  p
    ? `${p.latitude.toFixed(6)}, ${p.longitude.toFixed(6)}（WGS-84${p.accuracy != null ? `，精度 ${Math.round(p.accuracy)} 米` : ''}）`
    : '未提供';

/** The labelled facts of one discovery record, in the order the case page shows them. */
export function discoveryFacts(d: Discovery): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  if (d.kind === 'inspection') {
    out.push({ label: '初步判定', value: label(JUDGEMENT.labels, d.judgement) });
    out.push({ label: '隐患描述', value: d.description || '—' });
    if (d.notes) out.push({ label: '排查备注', value: d.notes });
    out.push({ label: '位置', value: positionText(d.position) });
    out.push({ label: '位置核验', value: (PRESENCE[d.presence] ?? (() => d.presence))(d.distanceM) });
  } else {
    out.push({ label: '投诉内容', value: d.description });
    out.push({ label: '位置', value: positionText(d.position) });
    if (d.verifiedAt)
      out.push({ label: '核实', value: `${beijing(d.verifiedAt)} ${actorText(d.verifiedByName, d.verifiedByUsername, null)} 核实属实` });
    if (d.verifyNote) out.push({ label: '核实备注', value: d.verifyNote });
    out.push({ label: '投诉人', value: '依规保密，不载入案卷' });
  }
  return out;
}

/** 整改期限 as the case page shows it: the date in force, or when it will be set. */
export function deadlineText(c: Pick<CaseRecord, 'deadlineInForce' | 'status' | 'severity' | 'definitionVersion'>): string {
  const d = c.deadlineInForce;
  if (d) return `${d.date}${d.byDefault ? '（默认期限）' : ''}`;
  if (c.status === 'registered' || c.status === 'assigning') return '分派时确定';
  if (c.status === 'controlling') {
    const days = hazardCaseDefinition(c.definitionVersion).steps.rectify.deadlineDays[c.severity];
    return `管控完成、开始整改起 ${days ?? '—'} 天（默认期限）`;
  }
  return '—';
}
