/**
 * The messages exchanged with the SMS provider (短信服务商): what the platform sends for one text message,
 * what it gets back, and the delivery receipt the provider later posts. Both directions are signed like
 * the supervision system's (domain/supervision/signing.ts, Standard Webhooks).
 */

/** One text message, sent by the platform. `key` is the idempotency key: the provider sends a key once. */
export interface SmsSendPayload {
  key: string;
  phone: string;
  /** The template's code and the filled-in text (as a Chinese provider wants both). */
  template: string;
  text: string;
  /** Where the provider posts the delivery receipt. */
  callbackUrl: string;
}

/** The provider's answer to a send; `duplicate` when it already had the key (a retry). */
export interface SmsAccepted {
  providerId: string;
  duplicate: boolean;
}

/** A delivery receipt (回执), posted by the provider; `id` is new per delivery attempt of the receipt. */
export interface SmsReceipt {
  providerId: string;
  key: string;
  status: 'delivered' | 'failed';
  /** The carrier's reason when failed (e.g. 空号、停机). */
  error: string | null;
  at: string;
}
