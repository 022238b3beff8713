/**
 * What the notification centre tells a village's inspectors when a complaint awaits their on-site
 * verification (待核实投诉): told the moment its workflow is started (by the API after filing, or by the
 * sweeper after a crash), before the start is marked, under one key per complaint, so a retried start
 * tells no one twice. No word of the complainant: only where to look and by when.
 */
import type { NotifyRequest } from '../notifications/store.ts';

/** The deadline as the Beijing day an inspector reads. */
const beijingDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

export function verificationNotice(c: { id: string; regionCode: string; verifyDueAt: string }): NotifyRequest {
  return {
    key: `complaint:${c.id}:verify`,
    kind: 'task_claimable',
    recipients: { roles: ['inspector'], regionCode: c.regionCode },
    title: '待核实投诉：请到现场核实',
    body: `您辖区收到一件群众投诉，请于 ${beijingDay(c.verifyDueAt)} 前到现场核实，并在“我的待办 · 待核实投诉”中提交结果`,
    link: `/complaints/${encodeURIComponent(c.id)}/show`,
  };
}
