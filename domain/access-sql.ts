/**
 * Translates the CASL rules of a user into SQL conditions, so that list queries, counts and exports
 * are filtered by the database (never in memory) with exactly the rules that guard single records.
 */
import { rulesToAST } from '@casl/ability/extra';
import { CompoundCondition, FieldCondition } from '@ucast/mongo2js';
import type { Condition } from '@ucast/mongo2js';
import type { Knex } from 'knex';
import type { Action, AppAbility, Subject } from './abilities.ts';

/** Maps the rule fields of a subject to SQL columns (qualified when the query joins). */
export type ColumnMap = Record<string, string>;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function apply(qb: Knex.QueryBuilder, node: Condition, columns: ColumnMap): void {
  if (node instanceof CompoundCondition) {
    const children = node.value as Condition[];
    if (node.operator === 'and') {
      for (const child of children) qb.where((sub) => apply(sub, child, columns));
    } else if (node.operator === 'or') {
      qb.where((outer) => {
        for (const child of children) outer.orWhere((sub) => apply(sub, child, columns));
      });
    } else if (node.operator === 'not') {
      qb.whereNot((sub) => {
        for (const child of children) sub.where((inner) => apply(inner, child, columns));
      });
    } else {
      throw new Error(`unsupported compound operator ${node.operator}`);
    }
    return;
  }
  if (!(node instanceof FieldCondition)) throw new Error(`unsupported condition ${node.operator}`);
  const column = columns[String(node.field)];
  if (!column) throw new Error(`no column mapped for rule field ${String(node.field)}`);
  const value = node.value as never;
  switch (node.operator) {
    case 'eq':
      qb.where(column, value);
      return;
    case 'ne':
      qb.whereNot(column, value);
      return;
    case 'in':
      qb.whereIn(column, value);
      return;
    case 'nin':
      qb.whereNotIn(column, value);
      return;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      qb.where(column, { lt: '<', lte: '<=', gt: '>', gte: '>=' }[node.operator], value);
      return;
    case 'startsWith':
      if (value !== '') qb.whereRaw(`?? LIKE ? ESCAPE '\\'`, [column, `${escapeLike(value)}%`]);
      return;
    default:
      throw new Error(`unsupported field operator ${node.operator}`);
  }
}

/**
 * Restricts a query to the rows the ability allows for `action` on `subject`. With no rule allowing
 * it, the query returns nothing.
 */
export function whereAllowed(
  qb: Knex.QueryBuilder,
  ability: AppAbility,
  action: Action,
  subject: Subject,
  columns: ColumnMap,
): Knex.QueryBuilder {
  const ast = rulesToAST(ability, action, subject);
  if (ast === null) return qb.whereRaw('false');
  return qb.where((sub) => apply(sub, ast, columns));
}
