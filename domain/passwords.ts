/** Password hashing (argon2id, the library's default algorithm) and the password rule. */
import { hash, verify } from '@node-rs/argon2';
import { RuleError } from './errors.ts';

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** 等保三级 (GB/T 22239-2019) asks for complex passwords; this is how the platform reads it. */
export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 128;
const CLASSES = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/];

/**
 * The deny-list: the ~49,000 passwords most found in leaks, as zxcvbn-ts maintains them (lowercase).
 * Loaded on first use (a few MB), not at import.
 */
let denied: Set<string> | undefined;
async function deniedPasswords(): Promise<Set<string>> {
  if (!denied) {
    const { dictionary } = await import('@zxcvbn-ts/language-common');
    denied = new Set(dictionary['passwords-common']);
  }
  return denied;
}

const weak = (field: string, reason: string, message: string) => RuleError.field(field, reason, message, 'WEAK_PASSWORD');

/**
 * Throws a RuleError naming `field` when the password breaks the rule: at least 10 characters, three
 * of the four classes (lower case, upper case, digit, other), and neither a common password nor a
 * common word with digits and signs tacked on (`Password2026!`).
 */
export async function checkPasswordRule(password: string, field: string): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw weak(field, 'length', `密码长度须为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 位`);
  }
  if (CLASSES.filter((c) => c.test(password)).length < 3) {
    throw weak(field, 'classes', '密码须包含大写字母、小写字母、数字、符号中的至少三类');
  }
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  const list = await deniedPasswords();
  if (list.has(lower) || (stem.length >= 4 && list.has(stem))) {
    throw weak(field, 'common', '该密码过于常见，容易被猜中，请换一个');
  }
}
