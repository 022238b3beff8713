/** The supervision store in SQL: `case_escalations`, `supervision_callbacks`, and the reads an escalation is built from. */
import type { Db } from '../db.ts';
import type { CallbackRecord, EscalationFacts, EscalationRecord, NewCallback, SupervisionStore } from './store.ts';

type Row = Record<string, unknown>;

function toEscalation(e: Row): EscalationRecord {
  return {
    no: e.no as number,
    reason: e.reason as string,
    reasonText: e.reason_text as string,
    status: e.status as EscalationRecord['status'],
    receiptId: (e.receipt_id as string | null) ?? null,
    error: (e.error as string | null) ?? null,
    requestedAt: e.requested_at as Date,
    answeredAt: (e.answered_at as Date | null) ?? null,
  };
}

function toCallback(cb: Row): CallbackRecord {
  return {
    id: cb.id as string,
    receiptId: cb.receipt_id as string,
    kind: cb.kind as string,
    text: cb.text as string,
    sentAt: cb.sent_at as Date,
    receivedAt: cb.received_at as Date,
  };
}

export class DatabaseSupervisionStore implements SupervisionStore {
  constructor(private readonly db: Db) {}

  async escalations(caseId: string): Promise<EscalationRecord[]> {
    return ((await this.db('case_escalations').where({ case_id: caseId }).orderBy('no')) as Row[]).map(toEscalation);
  }

  async callbacks(caseId: string): Promise<CallbackRecord[]> {
    return ((await this.db('supervision_callbacks').where({ case_id: caseId }).orderBy('received_at')) as Row[]).map(toCallback);
  }

  async callbackSeen(id: string, tx: Db = this.db): Promise<boolean> {
    return (await tx('supervision_callbacks').where({ id }).first('id')) !== undefined;
  }

  async callbackKeySeen(idempotencyKey: string, tx: Db = this.db): Promise<boolean> {
    return (await tx('supervision_callbacks').where({ idempotency_key: idempotencyKey }).first('id')) !== undefined;
  }

  async hasEscalation(caseId: string, receiptId: string, tx: Db = this.db): Promise<boolean> {
    return (await tx('case_escalations').where({ case_id: caseId, receipt_id: receiptId }).first('no')) !== undefined;
  }

  async recordCallback(cb: NewCallback, tx: Db = this.db): Promise<boolean> {
    const inserted = await tx('supervision_callbacks')
      .insert({
        id: cb.id,
        idempotency_key: cb.idempotencyKey,
        case_id: cb.caseId,
        receipt_id: cb.receiptId,
        kind: cb.kind,
        text: cb.text,
        sent_at: cb.sentAt,
      })
      .onConflict()
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  async escalationFacts(caseId: string, no: number): Promise<EscalationFacts> {
    const { db } = this;
    const c = (await db('cases as c')
      .join('buildings as b', 'b.code', 'c.building_code')
      .leftJoin('regions as v', 'v.code', 'b.village_code')
      .leftJoin('regions as t', 't.code', 'v.parent_code')
      .where('c.id', caseId)
      .first('c.*', 'b.address', 'b.village_code', 'v.name as village_name', 't.name as town_name')) as Row | undefined;
    if (!c) throw new Error(`case ${caseId} is missing`);
    const escalation = (await db('case_escalations').where({ case_id: caseId, no }).first()) as Row | undefined;
    if (!escalation) throw new Error(`escalation ${no} of case ${caseId} is missing`);
    const events = (await db('case_events').where({ case_id: caseId }).orderBy('seq')) as Row[];
    const files = (await db('case_files').where({ case_id: caseId }).whereNotNull('task_id').orderBy('created_at')) as Row[];
    return {
      case: {
        number: c.number as string,
        definitionVersion: c.definition_version as number,
        buildingCode: c.building_code as string,
        address: (c.address as string | null) ?? null,
        villageCode: c.village_code as string,
        villageName: (c.village_name as string | null) ?? null,
        townName: (c.town_name as string | null) ?? null,
        category: c.category as string,
        severity: c.severity as 'serious' | 'general',
        description: c.description as string,
        activeElements: c.active_elements as string[],
        dueAt: (c.due_at as Date | null) ?? null,
      },
      escalation: { reason: escalation.reason as string, reasonText: escalation.reason_text as string },
      events: events.map((e) => ({
        type: e.type as string,
        elementId: (e.element_id as string | null) ?? null,
        actorName: (e.actor_name as string | null) ?? null,
        actorRole: (e.actor_role as string | null) ?? null,
        data: e.data as Record<string, unknown>,
        occurredAt: e.occurred_at as Date,
      })),
      files: files.map((f) => ({ id: f.id as string, name: f.name as string, mime: f.mime as string, sha256: f.sha256 as string })),
    };
  }
}
