/** The SMS store in SQL: `sms_messages`, keyed by the event's idempotency key. */
import type { Db } from '../db.ts';
import type { NewSms, SmsRecord, SmsStatus, SmsStore } from './store.ts';

type Row = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toRecord(r: Row): SmsRecord {
  return {
    id: r.id as string,
    key: r.key as string,
    caseId: (r.case_id as string | null) ?? null,
    kind: r.kind as string,
    audience: r.audience as 'owner' | 'staff',
    recipientName: (r.recipient_name as string | null) ?? null,
    phone: r.phone as string,
    template: r.template as string,
    text: r.text as string,
    status: r.status as SmsStatus,
    sendAfter: r.send_after as Date,
    providerId: (r.provider_id as string | null) ?? null,
    attempts: r.attempts as number,
    error: (r.error as string | null) ?? null,
    createdAt: r.created_at as Date,
    sentAt: (r.sent_at as Date | null) ?? null,
    deliveredAt: (r.delivered_at as Date | null) ?? null,
  };
}

export class DatabaseSmsStore implements SmsStore {
  constructor(private readonly db: Db) {}

  async queue(messages: NewSms[], tx: Db = this.db): Promise<SmsRecord[]> {
    if (messages.length === 0) return [];
    await tx('sms_messages')
      .insert(
        messages.map((m) => ({
          key: m.key,
          case_id: m.caseId,
          kind: m.kind,
          audience: m.audience,
          user_id: m.userId,
          recipient_name: m.recipientName,
          phone: m.phone,
          template: m.template,
          text: m.text,
          status: m.sendAfter.getTime() > Date.now() ? 'held' : 'queued',
          send_after: m.sendAfter,
        })),
      )
      .onConflict('key')
      .ignore();
    const rows = (await tx('sms_messages').whereIn(
      'key',
      messages.map((m) => m.key),
    )) as Row[];
    return rows.map(toRecord);
  }

  async find(id: string): Promise<SmsRecord | undefined> {
    if (!UUID.test(id)) return undefined;
    const row = (await this.db('sms_messages').where({ id }).first()) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  async attempt(id: string): Promise<void> {
    await this.db('sms_messages')
      .where({ id })
      .update({
        attempts: this.db.raw('attempts + 1'),
        status: this.db.raw(`CASE WHEN status = 'held' THEN 'queued' ELSE status END`),
        updated_at: this.db.fn.now(),
      });
  }

  async sent(id: string, providerId: string): Promise<void> {
    await this.db('sms_messages')
      .where({ id })
      .update({
        provider_id: providerId,
        status: this.db.raw(`CASE WHEN status IN ('held', 'queued') THEN 'sent' ELSE status END`),
        sent_at: this.db.raw('coalesce(sent_at, now())'),
        // A receipt that came first (delivered or failed) keeps its status and its reason.
        error: this.db.raw(`CASE WHEN status IN ('held', 'queued') THEN NULL ELSE error END`),
        updated_at: this.db.fn.now(),
      });
  }

  async refused(id: string, error: string): Promise<void> {
    await this.db('sms_messages').where({ id }).update({ status: 'failed', error, updated_at: this.db.fn.now() });
  }

  async receipt(providerId: string, key: string, status: 'delivered' | 'failed', error: string | null, at: Date): Promise<boolean> {
    // Matched by key: a receipt may overtake the send's answer, before the provider id is recorded.
    const rows = (await this.db('sms_messages')
      .where({ key })
      .where((q) => q.whereNull('provider_id').orWhere({ provider_id: providerId }))
      .update({
        provider_id: providerId,
        status,
        error,
        delivered_at: status === 'delivered' ? at : null,
        sent_at: this.db.raw('coalesce(sent_at, ?)', [at]),
        updated_at: this.db.fn.now(),
      })
      .returning('id')) as Row[];
    return rows.length > 0;
  }

  async ofCase(caseId: string): Promise<SmsRecord[]> {
    if (!UUID.test(caseId)) return [];
    return (
      (await this.db('sms_messages')
        .where({ case_id: caseId })
        .orderBy([{ column: 'created_at' }, { column: 'id' }])) as Row[]
    ).map(toRecord);
  }
}
