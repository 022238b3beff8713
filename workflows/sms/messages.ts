/** The SMS delivery workflow's name, id and input, defined once for the workflow and whoever starts it. */

export const SMS_WORKFLOW = 'smsDeliveryWorkflow';

/** One workflow per message, so starting it again (a retried step) starts nothing. */
export const smsWorkflowId = (messageId: string) => `sms-${messageId}`;

export interface SmsDeliveryInput {
  messageId: string;
  /** ISO time before which the message is not sent (quiet hours). */
  sendAfter: string;
}
