/**
 * Where text messages go and come back: the configured provider, else the bundled simulator; the
 * platform's receipt endpoint; the quiet hours as configured; and the workflow that delivers one message
 * (`sms-<messageId>`, started once per message, so a retried start sends nothing twice).
 */
import type { Client } from '@temporalio/client';
import type { Config } from '../config.ts';
import { startOnce } from '../workflow-start.ts';
import { parseQuietHours } from './quiet-hours.ts';
import type { QuietHours } from './quiet-hours.ts';
import type { SmsRecord } from './store.ts';
import { SMS_WORKFLOW, smsWorkflowId } from '../../workflows/sms/messages.ts';
import type { SmsDeliveryInput } from '../../workflows/sms/messages.ts';

/** The provider's address: the configured one, else the bundled simulator. */
export function smsBaseUrl(config: Config): string {
  return config.smsUrl ?? `http://127.0.0.1:${config.smsSimPort}`;
}

/** Where the provider posts delivery receipts. */
export function smsReceiptUrl(config: Config): string {
  return `${config.baseUrl}/api/sms/receipts`;
}

export function quietHoursOf(config: Config): QuietHours | null {
  const window = parseQuietHours(config.smsQuietHours);
  return window ? { ...window, offsetMinutes: config.smsUtcOffsetMinutes } : null;
}

/** Starts the delivery workflow of each message; one already started counts as started. */
export async function startSmsDeliveries(temporal: Client, taskQueue: string, messages: SmsRecord[]): Promise<void> {
  for (const m of messages) {
    const input: SmsDeliveryInput = { messageId: m.id, sendAfter: m.sendAfter.toISOString() };
    await startOnce(temporal, SMS_WORKFLOW, { workflowId: smsWorkflowId(m.id), taskQueue, args: [input] });
  }
}
