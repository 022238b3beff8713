/**
 * The Chinese name of a request field, read from the schema that validates it: each property's
 * `title` (the forms' own titles, e.g. 整改责任人, 姓名), joined along the path
 * (`responsibleParty.name` → 整改责任人的姓名, `fileIds.0` → 现场照片第 1 项). Users read these names
 * in error messages; a field without a title keeps its key, so a missing title shows in review.
 */

type Node = Record<string, unknown>;

/** Query parameters shared by every list (listQuery), which carry no titles of their own. */
const COMMON_TITLES: Record<string, string> = {
  page: '页码',
  perPage: '每页条数',
  sort: '排序字段',
  order: '排序方向',
  ids: '记录编号',
  q: '搜索词',
};

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

function branches(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = node[key];
    if (Array.isArray(list)) out.push(...list.filter(isNode));
  }
  if (isNode(node.then)) out.push(node.then);
  return out;
}

/** The schema of `segment` under `node`, looking through unions (a nullable field is a union). */
function child(node: Node, segment: string): Node | undefined {
  const props = node.properties;
  if (isNode(props) && isNode(props[segment])) return props[segment];
  if (/^\d+$/.test(segment) && isNode(node.items)) return node.items;
  for (const b of branches(node)) {
    const found = child(b, segment);
    if (found) return found;
  }
  return undefined;
}

function titleOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (typeof node.title === 'string') return node.title;
  for (const b of branches(node)) if (typeof b.title === 'string') return b.title;
  return undefined;
}

/** Marks an enumeration's schema with the Chinese name of each value, for messages listing choices. */
export const CHOICE_LABELS = 'x-labels';

/** The Chinese names of the values the field at `path` may take, when its schema gives them. */
export function choiceLabels(schema: unknown, path: readonly string[]): Record<string, string> | undefined {
  let node: Node | undefined = isNode(schema) ? schema : undefined;
  for (const segment of path) node = node ? child(node, segment) : undefined;
  if (!node) return undefined;
  for (const candidate of [node, ...branches(node)]) {
    const labels = candidate[CHOICE_LABELS];
    if (isNode(labels)) return labels as Record<string, string>;
  }
  return undefined;
}

/** The Chinese name of the field at `path` (keys below the request part) in `schema`. */
export function fieldLabel(schema: unknown, path: readonly string[]): string {
  let node: Node | undefined = isNode(schema) ? schema : undefined;
  let label = '';
  for (const segment of path) {
    node = node ? child(node, segment) : undefined;
    if (/^\d+$/.test(segment)) {
      label += `第 ${Number(segment) + 1} 项`;
      continue;
    }
    const name = titleOf(node) ?? (path.length === 1 ? COMMON_TITLES[segment] : undefined) ?? segment;
    label = label ? `${label}的${name}` : name;
  }
  return label || '请求内容';
}
