/**
 * The case store's row ↔ domain mappers: a `cases` row (with its house and region names) as a summary or
 * a record, the owner masked; a step's event in the chain's canonical form. Used only by the database store.
 */
import { maskName, maskPhone } from '../mask.ts';
import type { ChainedEvent } from './chain.ts';
import { deadlineInForce } from './deadline.ts';
import type { RectifyTaskDue } from './deadline.ts';
import type { CaseCategory, CaseStatus } from './enums.ts';
import type { CaseRecord, CaseSummary } from './store.ts';
import type { Transition } from './transition.ts';

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

export function toSummary(r: Row): CaseSummary {
  const due = r.due_at as Date | null;
  const open = !['closed', 'cancelled'].includes(r.status as string);
  return {
    id: r.id as string,
    number: r.number as string,
    buildingCode: r.building_code as string,
    address: (r.address as string | null) ?? null,
    villageName: (r.village_name as string | null) ?? null,
    townName: (r.town_name as string | null) ?? null,
    regionCode: r.region_code as string,
    category: r.category as CaseCategory,
    severity: r.severity as 'serious' | 'general',
    status: r.status as CaseStatus,
    activeElements: (r.active_elements as string[]) ?? [],
    dueAt: iso(due),
    dueFrom: iso(r.due_from),
    overdue: open && due != null && due.getTime() < Date.now(),
    escalationCount: r.escalation_count as number,
    recheckFailures: r.recheck_failures as number,
    createdAt: iso(r.created_at) as string,
    closedAt: iso(r.closed_at),
  };
}

/** The chain's canonical form of a step's event, as the verifier reads it back from its row (rowToChained). */
export function chainedEvent(t: Transition): ChainedEvent {
  return {
    caseId: t.caseId,
    seq: t.seq,
    type: t.event.type,
    elementId: t.event.elementId,
    taskId: t.event.taskId,
    actorId: t.event.actor?.id ?? null,
    actorName: t.event.actor?.name ?? null,
    actorRole: t.event.actor?.role ?? null,
    data: t.event.data,
    occurredAt: new Date(t.occurredAt).toISOString(),
  };
}

export function toRecord(r: Row): CaseRecord {
  const responsible = r.responsible as { name?: string; phone?: string; relation?: string } | null;
  return {
    ...toSummary(r),
    definitionVersion: r.definition_version as number,
    description: r.description as string,
    source: r.source as string,
    sourceRef: (r.source_ref as string | null) ?? null,
    // Owner data: masked here; the full view is not offered on cases (the house file audits it).
    responsible: responsible
      ? { name: maskName(responsible.name ?? null), phone: maskPhone(responsible.phone ?? null), relation: responsible.relation ?? null }
      : null,
    measures: (r.measures as string[] | null) ?? [],
    rectifyDeadline: (r.rectify_deadline as string | null) ?? null,
    deadlineInForce: deadlineInForce((r.rectify_deadline as string | null) ?? null, (r.rectify_task as RectifyTaskDue | null) ?? null),
    appraisalGrade: (r.appraisal_grade as string | null) ?? null,
    demolished: r.demolished === true,
    cancelReason: (r.cancel_reason as string | null) ?? null,
    evidenceSubmitterId: (r.evidence_submitter_id as string | null) ?? null,
    createdByName: (r.created_by_name as string | null) ?? null,
    createdByUsername: (r.created_by_username as string | null) ?? null,
    workflowStarted: r.workflow_started_at != null,
  };
}
