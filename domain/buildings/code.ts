/**
 * The 18-character building code: village code (12 digits) + sequence within the village (5 digits)
 * + one check character by ISO 7064 MOD 11-2, the scheme of the resident ID number (digits or X).
 */

const WEIGHTS = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);

/** The MOD 11-2 check character of 17 digits. */
export function checkCharacter(digits17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(digits17[i]) * (WEIGHTS[i] ?? 0);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

export function buildingCode(villageCode: string, sequence: number): string {
  if (!/^\d{12}$/.test(villageCode)) throw new RangeError(`village code must have 12 digits: ${villageCode}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999) throw new RangeError(`sequence out of range: ${sequence}`);
  const body = villageCode + String(sequence).padStart(5, '0');
  return body + checkCharacter(body);
}

/**
 * The code as people read it, wherever it is shown (the printed label, the phone pages, the admin UI):
 * district (6), town (3), village (3), sequence and check (6), e.g. `441802 006 001 00001X`. Anything
 * that is not an 18-character code is shown as given.
 */
export function groupedCode(code: string): string {
  return code.length === 18 ? `${code.slice(0, 6)} ${code.slice(6, 9)} ${code.slice(9, 12)} ${code.slice(12)}` : code;
}

export type CodeProblem = 'length' | 'characters' | 'checkCharacter';

/** Why a string is not a well-formed building code, or null when it is (the village may still be unknown). */
export function buildingCodeProblem(code: string): CodeProblem | null {
  if (code.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(code)) return 'characters';
  return checkCharacter(code.slice(0, 17)) === code[17] ? null : 'checkCharacter';
}

/** Accepts a lower-case x and surrounding spaces, as people type them. */
export function normaliseBuildingCode(input: string): string {
  return input.trim().toUpperCase();
}

export const CODE_PROBLEM_MESSAGES: Record<CodeProblem, string> = {
  length: '房屋编码应为 18 位',
  characters: '房屋编码前 17 位应为数字，最后一位为数字或 X',
  checkCharacter: '房屋编码校验位不正确，请核对是否输错',
};
