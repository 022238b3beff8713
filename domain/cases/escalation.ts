/**
 * The escalation sent to the supervision system, built from the read models at sending time: the house,
 * the hazard, the step the case is stuck in, a summary of its history and links to its evidence (with
 * their hashes, so the receiver can check what it downloads). No owner or complainant data goes out.
 */
import { hazardCaseDefinition, stepByElement } from '../../definitions/hazard-case/index.ts';
import type { Config } from '../config.ts';
import type { SupervisionStore } from '../supervision/store.ts';
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

/** Escalation `no` of a case as sent, built from what the supervision store reads at sending time. */
export async function escalationPayload(store: SupervisionStore, config: Config, caseId: string, no: number): Promise<EscalationPayload> {
  const { case: c, escalation, events, files } = await store.escalationFacts(caseId, no);
  const def = hazardCaseDefinition(c.definitionVersion);
  const active = c.activeElements[0] ?? null;
  const step = active ? stepByElement(def, active) : undefined;
  return {
    caseId,
    caseNumber: c.number,
    escalationNo: no,
    reason: escalation.reason,
    reasonText: escalation.reasonText,
    building: {
      code: c.buildingCode,
      address: c.address,
      villageCode: c.villageCode,
      villageName: c.villageName,
      townName: c.townName,
    },
    hazard: { category: c.category, severity: c.severity, description: c.description },
    step: { elementId: active ?? '', name: step?.name ?? '', dueAt: c.dueAt ? c.dueAt.toISOString() : null },
    history: events.map((e) => ({
      at: e.occurredAt.toISOString(),
      type: e.type,
      elementId: e.elementId,
      actor: e.actorName ? `${e.actorName}（${e.actorRole ?? ''}）` : null,
      summary: eventSummary(def, e.type, e.elementId, e.data),
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
