/**
 * The cheap first look at untrusted input, before any schema or recursive code sees it: nesting depth,
 * element count and control characters, walked iteratively so a hostile body cannot exhaust the stack
 * (structuredClone and Ajv recurse) or keep the event loop busy for long.
 */
import type { FieldProblem } from '../../domain/errors.ts';

/** Far deeper than any request schema (the deepest is four levels). */
export const MAX_DEPTH = 32;
/** Covers the largest legitimate body (a label batch of 20,000 codes) with room to spare. */
export const MAX_NODES = 50_000;

/** A regular-expression class of code point ranges (written as numbers, so no control character sits in the source). */
const charClass = (ranges: [number, number][]) =>
  new RegExp(`[${ranges.map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('')}]`, 'u');

/** C0 controls other than tab, line feed and carriage return, and DEL: never part of any text. */
const FORBIDDEN = charClass([
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x7f],
]);
/** Keys are names, never text: no control character at all. */
const FORBIDDEN_IN_KEY = charClass([
  [0x00, 0x1f],
  [0x7f, 0x7f],
]);

export interface InputShape {
  /** Values visited (objects, arrays and leaves). */
  nodes: number;
}

const problem = (field: string, reason: string, message: string): FieldProblem => ({
  field,
  reason,
  message: `${field.replace(/^(body|query|params)\.?/, '') || field}：${message}`,
});

/**
 * Walks `value` breadth-first and returns the first problem, naming its field (`body.a.0.b`), or the
 * shape when there is none. Stops at the first problem, so its cost is bounded by MAX_NODES; paths
 * are only spelled out for the problem found.
 */
export function inspectInput(value: unknown, source: string): FieldProblem | InputShape {
  // Containers waiting to be walked, with their parent's index and their key there.
  const containers: object[] = [];
  const parents: number[] = [];
  const keys: string[] = [];
  const depths: number[] = [];
  const pathOf = (index: number, key?: string): string => {
    const parts = key === undefined ? [] : [key];
    for (let i = index; i > 0; i = parents[i] as number) parts.push(keys[i] as string);
    return [source, ...parts.reverse()].join('.');
  };
  const tooMany = () => problem(source, 'maxNodes', `包含的元素过多（至多 ${MAX_NODES} 个）`);
  let nodes = 1;
  if (typeof value === 'string') return FORBIDDEN.test(value) ? problem(source, 'controlCharacter', '不能包含控制字符') : { nodes };
  if (value === null || typeof value !== 'object') return { nodes };
  containers.push(value);
  parents.push(-1);
  keys.push('');
  depths.push(0);
  for (let i = 0; i < containers.length; i++) {
    const container = containers[i] as Record<string, unknown>;
    const depth = depths[i] as number;
    const entries = Array.isArray(container) ? container.length : Object.keys(container).length;
    nodes += entries;
    if (nodes > MAX_NODES) return tooMany();
    const visit = (key: string, item: unknown): FieldProblem | undefined => {
      if (typeof item === 'string') {
        if (FORBIDDEN.test(item)) return problem(pathOf(i, key), 'controlCharacter', '不能包含控制字符');
      } else if (item !== null && typeof item === 'object') {
        if (depth + 1 >= MAX_DEPTH) return problem(pathOf(i, key), 'maxDepth', `嵌套层数过多（至多 ${MAX_DEPTH} 层）`);
        containers.push(item);
        parents.push(i);
        keys.push(key);
        depths.push(depth + 1);
      }
      return undefined;
    };
    if (Array.isArray(container)) {
      for (let k = 0; k < container.length; k++) {
        const found = visit(String(k), container[k]);
        if (found) return found;
      }
    } else {
      for (const key of Object.keys(container)) {
        if (FORBIDDEN_IN_KEY.test(key)) return problem(pathOf(i), 'controlCharacter', '字段名不能包含控制字符');
        const found = visit(key, container[key]);
        if (found) return found;
      }
    }
  }
  return { nodes };
}

export const isProblem = (r: FieldProblem | InputShape): r is FieldProblem => 'field' in r;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);

/**
 * The same limits on the raw JSON bytes, before JSON.parse: parsing a megabyte of 500,000 numbers
 * alone holds the event loop for tens of milliseconds. One pass counts values (commas and openings)
 * and nesting outside strings; UTF-8 continuation bytes never look like ASCII, so bytes suffice.
 */
export function jsonShapeProblem(raw: Uint8Array): FieldProblem | undefined {
  let inString = false;
  let depth = 0;
  let values = 1;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i] as number;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
      continue;
    }
    if (b === QUOTE) inString = true;
    else if (b === COMMA) values++;
    else if (OPEN.has(b)) {
      values++;
      if (++depth > MAX_DEPTH) return problem('body', 'maxDepth', `嵌套层数过多（至多 ${MAX_DEPTH} 层）`);
    } else if (CLOSE.has(b)) depth--;
    if (values > MAX_NODES) return problem('body', 'maxNodes', `包含的元素过多（至多 ${MAX_NODES} 个）`);
  }
  return undefined;
}
