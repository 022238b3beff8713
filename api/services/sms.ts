/**
 * Text messages as use cases: the provider's delivery receipts (verified by the route, applied once:
 * a receipt repeated sets the same status again), and a case's messages as its page lists them, with
 * phones and names masked.
 */
import type { AppAbility } from '../../domain/abilities.ts';
import type { CaseStore } from '../../domain/cases/store.ts';
import { NotFoundError, RuleError } from '../../domain/errors.ts';
import { maskName, maskPhone } from '../../domain/mask.ts';
import type { SmsStore } from '../../domain/sms/store.ts';
import type { SmsReceipt } from '../../domain/sms/types.ts';

/** One message as a case page shows it. */
export interface CaseMessage {
  id: string;
  kind: string;
  audience: 'owner' | 'staff';
  recipientName: string | null;
  phone: string | null;
  text: string;
  status: string;
  sendAfter: string;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
}

export class SmsService {
  constructor(private readonly deps: { sms: SmsStore; cases: CaseStore }) {}

  async receipt(receipt: SmsReceipt): Promise<{ accepted: true }> {
    const known = await this.deps.sms.receipt(receipt.providerId, receipt.key, receipt.status, receipt.error, new Date(receipt.at));
    if (!known) throw RuleError.field('body.key', 'unknown', '没有与该回执对应的短信', 'UNKNOWN_MESSAGE');
    return { accepted: true };
  }

  async ofCase(ability: AppAbility, caseId: string): Promise<{ data: CaseMessage[] }> {
    if (!(await this.deps.cases.find(ability, caseId))) throw new NotFoundError('案件不存在或无权查看');
    const rows = await this.deps.sms.ofCase(caseId);
    return {
      data: rows.map((m) => ({
        id: m.id,
        kind: m.kind,
        audience: m.audience,
        recipientName: maskName(m.recipientName),
        phone: maskPhone(m.phone),
        // The text names the recipient and may carry a number: masked as the list's columns are.
        text: m.recipientName ? m.text.replaceAll(m.recipientName, maskName(m.recipientName) ?? '') : m.text,
        status: m.status,
        sendAfter: m.sendAfter.toISOString(),
        attempts: m.attempts,
        error: m.error,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
        deliveredAt: m.deliveredAt?.toISOString() ?? null,
      })),
    };
  }
}
