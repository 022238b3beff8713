/**
 * Region codes are the 12-digit national administrative codes, written at their natural length:
 * province `44`, city `4418`, district `441802`, town `441802006`, village `441802006001`.
 * They nest by prefix, so "at or below a region" is a prefix test. The national root has the code
 * `0` and the empty scope prefix.
 */
export const ROOT_REGION_CODE = '0';

export const REGION_LEVELS = ['national', 'province', 'city', 'district', 'town', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const LENGTH_BY_LEVEL: Record<RegionLevel, number> = {
  national: 1,
  province: 2,
  city: 4,
  district: 6,
  town: 9,
  village: 12,
};

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  national: '全国',
  province: '省',
  city: '市',
  district: '区/县',
  town: '镇（街道）',
  village: '村（社区）',
};

const REGION_CODE_PATTERN = /^(0|\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** True when the string has the shape of a region code at one of the six levels. */
export function isRegionCodeShape(code: string): boolean {
  return REGION_CODE_PATTERN.test(code);
}

/** The level of a well-formed region code. */
export function regionLevel(code: string): RegionLevel {
  if (code === ROOT_REGION_CODE) return 'national';
  const level = REGION_LEVELS.find((l) => l !== 'national' && LENGTH_BY_LEVEL[l] === code.length);
  if (!level) throw new RangeError(`not a region code: ${code}`);
  return level;
}

/** The parent's code, or null for the national root. */
export function parentRegionCode(code: string): string | null {
  switch (code.length) {
    case 12:
      return code.slice(0, 9);
    case 9:
      return code.slice(0, 6);
    case 6:
      return code.slice(0, 4);
    case 4:
      return code.slice(0, 2);
    case 2:
      return ROOT_REGION_CODE;
    default:
      return null;
  }
}

/** Codes from the root down to the given code, inclusive. */
export function regionAncestry(code: string): string[] {
  const chain: string[] = [];
  for (let c: string | null = code; c !== null; c = parentRegionCode(c)) chain.unshift(c);
  return chain;
}

/** The prefix that every code at or below this region starts with. */
export function regionScopePrefix(code: string): string {
  return code === ROOT_REGION_CODE ? '' : code;
}

/** True when `code` is `scope` itself or lies below it. */
export function isWithinRegion(code: string, scope: string): boolean {
  return code.startsWith(regionScopePrefix(scope));
}
