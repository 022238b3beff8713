/**
 * The escalation sent to the supervision system, built from the read models at sending time: the house,
 * the hazard, the step the case is stuck in, a summary of its history and links to its evidence (with
 * their hashes, so the receiver can check what it downloads). No owner or complainant data goes out.
 */
import { hazardCaseDefinition, stepByElement } from '../../definitions/hazard-case/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import type { EscalationPayload } from '../supervision/types.ts';
import { eventSummary } from './summary.ts';

/** Where the platform receives the supervision system's callbacks. */
export function supervisionCallbackUrl(config: Config): string {
  return `${config.baseUrl}/api/supervision/callbacks`;
}

/** The supervision system's address: the configured one, else the bundled simulator. */
export function supervisionBaseUrl(config: Config): string {
  return config.supervisionUrl ?? `http://127.0.0.1:${config.supervisionSimPort}`;
}

export async function escalationPayload(db: Db, config: Config, caseId: string, no: number): Promise<EscalationPayload> {
  const c = await db('cases as c')
    .join('buildings as b', 'b.code', 'c.building_code')
    .leftJoin('regions as v', 'v.code', 'b.village_code')
    .leftJoin('regions as t', 't.code', 'v.parent_code')
    .where('c.id', caseId)
    .first('c.*', 'b.address', 'b.village_code', 'v.name as village_name', 't.name as town_name');
  if (!c) throw new Error(`case ${caseId} is missing`);
  const escalation = await db('case_escalations').where({ case_id: caseId, no }).first();
  if (!escalation) throw new Error(`escalation ${no} of case ${caseId} is missing`);
  const events = (await db('case_events').where({ case_id: caseId }).orderBy('seq')) as {
    type: string;
    element_id: string | null;
    actor_name: string | null;
    actor_role: string | null;
    data: Record<string, unknown>;
    occurred_at: Date;
  }[];
  const files = (await db('case_files').where({ case_id: caseId }).whereNotNull('task_id').orderBy('created_at')) as {
    id: string;
    name: string;
    mime: string;
    sha256: string;
  }[];
  const def = hazardCaseDefinition(c.definition_version as number);
  const active = (c.active_elements as string[])[0] ?? null;
  const step = active ? stepByElement(def, active) : undefined;
  return {
    caseId,
    caseNumber: c.number as string,
    escalationNo: no,
    reason: escalation.reason as string,
    reasonText: escalation.reason_text as string,
    building: {
      code: c.building_code as string,
      address: (c.address as string | null) ?? null,
      villageCode: c.village_code as string,
      villageName: (c.village_name as string | null) ?? null,
      townName: (c.town_name as string | null) ?? null,
    },
    hazard: { category: c.category as string, severity: c.severity as 'serious' | 'general', description: c.description as string },
    step: { elementId: active ?? '', name: step?.name ?? '', dueAt: c.due_at ? (c.due_at as Date).toISOString() : null },
    history: events.map((e) => ({
      at: e.occurred_at.toISOString(),
      type: e.type,
      elementId: e.element_id,
      actor: e.actor_name ? `${e.actor_name}（${e.actor_role ?? ''}）` : null,
      summary: eventSummary(def, e.type, e.element_id, e.data),
    })),
    evidence: files.map((f) => ({
      name: f.name,
      mime: f.mime,
      sha256: f.sha256,
      url: `${config.baseUrl}/api/cases/${caseId}/files/${f.id}`,
    })),
    callbackUrl: supervisionCallbackUrl(config),
    sentAt: new Date().toISOString(),
  };
}
