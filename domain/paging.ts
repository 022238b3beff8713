/** The one list convention: page, perPage, sort, order; answered with `{ data, total }`. */
import type { Knex } from 'knex';

export interface ListParams {
  page: number;
  perPage: number;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
}

export interface ListResult<T> {
  data: T[];
  total: number;
}

/**
 * Counts and pages a query. `sortColumns` maps the sortable API fields to columns; a tiebreak column
 * keeps pages stable.
 */
export async function paged<Row, T>(
  query: Knex.QueryBuilder,
  params: ListParams,
  sortColumns: Record<string, string>,
  defaultSort: string,
  tiebreak: string,
  map: (row: Row) => T,
): Promise<ListResult<T>> {
  const column = sortColumns[params.sort ?? defaultSort] ?? sortColumns[defaultSort] ?? tiebreak;
  // The count and the page are independent: two pool connections answer sooner than one after the other.
  const [countRow, rows] = (await Promise.all([
    query.clone().clearSelect().clearOrder().count({ n: '*' }).first(),
    query
      .clone()
      .orderBy(column, params.order ?? 'asc')
      .orderBy(tiebreak, 'asc')
      .limit(params.perPage)
      .offset((params.page - 1) * params.perPage),
  ])) as [{ n: number } | undefined, Row[]];
  return { data: rows.map(map), total: countRow?.n ?? 0 };
}
