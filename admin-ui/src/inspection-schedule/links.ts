/**
 * The address of the list behind a coverage figure: the window the figures were computed over (as
 * answered with them) and the figure's slice, so the list's total is the figure.
 */
import type { CoverageParams } from '../dataProvider/inspectionDue.ts';

export const DUE_LIST_PATH = '/inspection-due';

export function dueListLink(params: CoverageParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params) as [string, unknown][])
    if (value !== undefined && value !== '') query.set(key, String(value));
  return `${DUE_LIST_PATH}?${query.toString()}`;
}

/** The list's parameters read back from its address. */
export function paramsOf(search: URLSearchParams): CoverageParams {
  const get = (key: string) => search.get(key) ?? undefined;
  const coverage = get('coverage');
  return {
    from: get('from'),
    to: get('to'),
    regionCode: get('regionCode'),
    assigneeId: get('assigneeId'),
    unassigned: search.get('unassigned') === 'true' ? true : undefined,
    coverage: coverage === 'onTime' || coverage === 'late' || coverage === 'overdue' || coverage === 'pending' ? coverage : undefined,
  };
}
