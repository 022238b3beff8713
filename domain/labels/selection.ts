/**
 * Checks the building codes a user asks to print. A mistyped code is a 400 that says what is wrong
 * with it; codes that do not exist or lie outside the user's region are one 422 that lists them all,
 * so nothing is printed half; a region the user may read but not print is a 403.
 */
import { asSubject } from '../abilities.ts';
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { CODE_PROBLEM_MESSAGES, buildingCodeProblem, normaliseBuildingCode } from '../buildings/code.ts';
import type { Db } from '../db.ts';
import { ForbiddenError, InputError, RuleError } from '../errors.ts';
import type { FieldProblem } from '../errors.ts';

/** Shown at most in one error, so a pasted list of thousands does not make a huge reply. */
const MAX_LISTED = 50;

/** A well-formed building code from user input (lower-case x and spaces accepted), or a 400 naming the reason. */
export function parseBuildingCode(input: string, field: string): string {
  const code = normaliseBuildingCode(input);
  const problem = buildingCodeProblem(code);
  if (problem) {
    const message = `${CODE_PROBLEM_MESSAGES[problem]}：${input.slice(0, 40)}`;
    throw new InputError('INVALID_BUILDING_CODE', message, [{ field, reason: problem, message }]);
  }
  return code;
}

/** Forbidden unless the ability may print labels of houses in `villageCode` (any region code works as a prefix). */
export function assertMayPrint(ability: AppAbility, villageCode: string): void {
  if (!ability.can('print', asSubject('Building', { villageCode }))) {
    throw new ForbiddenError('无权打印该区域房屋的标签', 'FORBIDDEN');
  }
}

function listed(problems: FieldProblem[]): FieldProblem[] {
  return problems.slice(0, MAX_LISTED);
}

/**
 * The distinct codes of a selection, in code order, once every one is well formed, visible to the
 * ability and printable by it; otherwise an error naming each code at fault (`body.codes.<i>`).
 */
export async function checkPrintableCodes(db: Db, ability: AppAbility, input: readonly string[], field = 'body.codes'): Promise<string[]> {
  const malformed: FieldProblem[] = [];
  const codes = input.map((raw, i) => {
    try {
      return parseBuildingCode(raw, `${field}.${i}`);
    } catch (error) {
      malformed.push(...(error as InputError).details);
      return '';
    }
  });
  if (malformed.length) {
    throw new InputError('INVALID_BUILDING_CODE', `${malformed.length} 个房屋编码格式不正确：${malformed[0]?.message}`, listed(malformed));
  }
  const unique = [...new Set(codes)].sort();
  const query = db('buildings as b').select('b.code', 'b.village_code').whereIn('b.code', unique);
  const found = (await whereAllowed(query, ability, 'read', 'Building', { villageCode: 'b.village_code' })) as {
    code: string;
    village_code: string;
  }[];
  const visible = new Map(found.map((r) => [r.code, r.village_code]));
  const missing = codes.flatMap((code, i) =>
    visible.has(code) ? [] : [{ field: `${field}.${i}`, reason: 'notFound', message: `房屋编码 ${code} 不存在或不在您的管辖范围内`, code }],
  );
  if (missing.length) {
    const sample = missing
      .slice(0, 5)
      .map((p) => p.code)
      .join('、');
    throw new RuleError(
      'UNKNOWN_BUILDINGS',
      `${missing.length} 个房屋编码不存在或不在您的管辖范围内：${sample}${missing.length > 5 ? '…' : ''}`,
      listed(missing),
    );
  }
  for (const village of new Set(visible.values())) assertMayPrint(ability, village);
  return unique;
}

/** The narrowest region (village, town, district, city, province) holding every code. */
export function commonRegion(codes: readonly string[]): string {
  for (const length of [12, 9, 6, 4, 2]) {
    const prefix = codes[0]?.slice(0, length) ?? '';
    if (codes.every((c) => c.startsWith(prefix))) return prefix;
  }
  return '0';
}
