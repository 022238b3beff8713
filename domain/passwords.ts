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

/** Throws a RuleError naming `field` when the password is too weak. */
export function checkPasswordRule(password: string, field: string): void {
  if (password.length < 8 || password.length > 128 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw RuleError.field(field, 'weakPassword', '密码至少 8 位，且须同时包含字母和数字', 'WEAK_PASSWORD');
  }
}
