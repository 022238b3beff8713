/**
 * What anyone may read about a complaint without its secret (Open311's public requests): the notices
 * the citizen reads, with personal data masked. An inspector's reply is written to the complainant and
 * may name them (`已电话联系投诉人张三(13800138000)`): for the public, the names the platform knows
 * (the complainant's, the house owner's), names after a word that introduces a person, mobile numbers
 * and identity-card-length digit runs are masked.
 */
import { maskName, maskPhonesInText } from '../mask.ts';

/** Words that introduce a person's name in a reply (投诉人张三, 户主：李四). */
const PERSON_CUES = '投诉人|举报人|反映人|联系人|来电人|户主|业主|房主|屋主|当事人|责任人|负责人|村民|居民|住户|租户';
/** A 2–4 character name after a cue, ended by punctuation, a bracket, a digit, a space or the end. */
const NAMED = new RegExp(`(${PERSON_CUES})([:：]?\\s*)(\\p{Script=Han}{2,4})(?=[\\s(（,，.。;；:：、!！?？)）]|\\d|$)`, 'gu');
/** 15–18 digits (identity cards, also house codes): the first six (the region) stay. */
const LONG_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8,11}[\dXx]?(?![0-9A-Za-z])/g;
/** A landline, alone (not inside a case or tracking number such as YH20261206000001). */
const PHONE_LIKE = /(?<![0-9A-Za-z-])(0\d{2,3}-?)?\d{7,8}(?![0-9A-Za-z])/g;

/** Masks personal data in a text shown to the public; `names` are masked wherever they appear. */
export function maskPublicText(text: string, names: (string | null | undefined)[] = []): string {
  let out = text;
  for (const name of names) {
    const n = name?.trim();
    if (n && Array.from(n).length >= 2) out = out.split(n).join(maskName(n) as string);
  }
  out = out.replace(NAMED, (_m, cue: string, sep: string, name: string) => `${cue}${sep}${maskName(name) ?? ''}`);
  out = maskPhonesInText(out);
  out = out.replace(LONG_NUMBER, (m: string, head: string) => `${head}${'*'.repeat(m.length - head.length)}`);
  // Landlines (0763-1234567, 12345678): all but the last two digits.
  out = out.replace(PHONE_LIKE, (m: string) => m.replace(/\d(?=\d{2})/g, '*'));
  return out;
}
