/**
 * One text message (短信), from queued to sent: waits out quiet hours on a durable timer, then sends
 * through the provider, retried until it takes the message. The provider de-duplicates on the message's
 * key, so the retries after a lost answer deliver one message. A refusal (bad number, template) is
 * recorded by the activity and ends the workflow.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { SmsDeliveryInput } from './messages.ts';
import type { SmsActivities } from '../../workers/activities/sms.ts';

const { sendSms } = proxyActivities<SmsActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export async function smsDeliveryWorkflow(input: SmsDeliveryInput): Promise<string> {
  const wait = Date.parse(input.sendAfter) - Date.now();
  if (wait > 0) await sleep(wait);
  return sendSms({ messageId: input.messageId });
}
