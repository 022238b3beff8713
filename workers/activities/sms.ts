/**
 * The activity of text messages: `sendSms` sends one queued message once per attempt under its key (the
 * provider sends a key once), and records the answer.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { maskPhone } from '../../domain/mask.ts';
import { SmsRefused } from '../../domain/sms/client.ts';
import type { SmsProvider } from '../../domain/sms/client.ts';
import type { SmsStore } from '../../domain/sms/store.ts';
import { FAILURE } from '../../workflows/shared/messages.ts';

export interface SmsActivityDeps {
  sms: SmsStore;
  provider: SmsProvider;
  /** Where the provider posts receipts. */
  receiptUrl: string;
}

export function createSmsActivities({ sms, provider, receiptUrl }: SmsActivityDeps) {
  return {
    /** Sends the message unless it went already; its final status ('sent', 'delivered', 'failed'). */
    async sendSms({ messageId }: { messageId: string }): Promise<string> {
      const message = await sms.find(messageId);
      if (!message) throw ApplicationFailure.nonRetryable(`短信 ${messageId} 不存在`, FAILURE.smsMissing);
      if (message.status !== 'held' && message.status !== 'queued') return message.status;
      await sms.attempt(message.id);
      try {
        const accepted = await provider.send({
          key: message.key,
          phone: message.phone,
          template: message.template,
          text: message.text,
          callbackUrl: receiptUrl,
        });
        await sms.sent(message.id, accepted.providerId);
        return 'sent';
      } catch (error) {
        if (error instanceof SmsRefused) {
          // An answer, not an outage: sending again would be refused again. Recorded with the number masked.
          await sms.refused(message.id, error.message.replaceAll(message.phone, maskPhone(message.phone) ?? ''));
          return 'failed';
        }
        throw error;
      }
    },
  };
}

export type SmsActivities = ReturnType<typeof createSmsActivities>;
