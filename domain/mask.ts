/** Masking of personal data for lists and logs (DOMAIN.md: names and phones are personal data). */

/** `13812345678` → `138****5678`; anything shorter keeps only its last two characters. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.trim();
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(digits.length - 2, 1))}${digits.slice(-2)}`;
}

/** `张三` → `张*`, `欧阳娜娜` → `欧***`: keeps the first character only. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

const PHONE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Masks mainland mobile numbers wherever they appear in free text (log lines). */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, '$1****$2');
}

/**
 * A trail event's data as users read it: the responsible party a step's form named (分派) masked like the
 * case record's; the stored row, which the hash chain covers, keeps the full values.
 */
export function maskEventData(data: Record<string, unknown>): Record<string, unknown> {
  const form = data.form as Record<string, unknown> | undefined;
  const party = form?.responsibleParty as Record<string, unknown> | undefined;
  if (!form || !party) return data;
  const masked = { ...party, name: maskName(party.name as string | null), phone: maskPhone(party.phone as string | null) };
  return { ...data, form: { ...form, responsibleParty: masked } };
}
