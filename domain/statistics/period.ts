/**
 * The calendar of the statistics model: Beijing days, whole months as periods (`from`/`to` as YYYY-MM,
 * inclusive) and the weeks and months of a trend. Dates are `YYYY-MM-DD` strings throughout, so they
 * compare as text and travel into SQL and list filters unchanged.
 */

/** The longest period a reader may ask for, in months. */
export const MAX_PERIOD_MONTHS = 36;
/** The default period: the last 12 months, the current one included. */
export const DEFAULT_PERIOD_MONTHS = 12;

export interface Period {
  /** First day of the first month. */
  from: string;
  /** Last day of the last month. */
  to: string;
}

/** The Beijing calendar day of an instant. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM` → months since year 0 (for spans and stepping). */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad((index % 12) + 1)}`;
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  return monthOf(monthIndex(month) + n);
}

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of a month. */
export function monthEnd(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}

/** How many months from `from` to `to`, both included. */
export function monthSpan(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from) + 1;
}

/** Why a requested period is refused, naming the query field at fault; null when it is fine. */
export function periodProblem(from: string, to: string): { field: string; reason: string; message: string } | null {
  if (monthSpan(from, to) < 1) return { field: 'query.to', reason: 'beforeFrom', message: '结束月份不能早于开始月份' };
  if (monthSpan(from, to) > MAX_PERIOD_MONTHS)
    return { field: 'query.from', reason: 'tooLong', message: `统计期间最长 ${MAX_PERIOD_MONTHS} 个月` };
  return null;
}

/** The period of `from`…`to` months, with the defaults: the last 12 months up to the current Beijing month. */
export function resolvePeriod(query: { from?: string | undefined; to?: string | undefined }, today: string): { from: string; to: string } {
  const current = today.slice(0, 7);
  // From a month alone: twelve months on, but not past the current month (unless the first month is past it).
  const to = query.to ?? (query.from ? maxMonth(query.from, minMonth(addMonths(query.from, DEFAULT_PERIOD_MONTHS - 1), current)) : current);
  const from = query.from ?? addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1));
  return { from, to };
}

function minMonth(a: string, b: string): string {
  return a < b ? a : b;
}

function maxMonth(a: string, b: string): string {
  return a > b ? a : b;
}

/** The dates of a months period. */
export function periodDates(months: { from: string; to: string }): Period {
  return { from: `${months.from}-01`, to: monthEnd(months.to) };
}

/** The first days of the months from `from` to `to` (YYYY-MM-01). */
export function monthsOf(months: { from: string; to: string }): string[] {
  const out: string[] = [];
  for (let i = monthIndex(months.from); i <= monthIndex(months.to); i++) out.push(`${monthOf(i)}-01`);
  return out;
}

/** The Monday of the week of `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** One interval of a trend: its nominal start (Monday or first of month) and its days within the period. */
export interface Interval {
  start: string;
  from: string;
  to: string;
}

/** The weeks or months covering a period, each clipped to it (so a figure and its list cover the same days). */
export function intervals(period: Period, interval: 'week' | 'month'): Interval[] {
  const out: Interval[] = [];
  let start = interval === 'week' ? weekStart(period.from) : `${period.from.slice(0, 7)}-01`;
  while (start <= period.to) {
    const next = interval === 'week' ? addDays(start, 7) : `${addMonths(start.slice(0, 7), 1)}-01`;
    const end = addDays(next, -1);
    out.push({ start, from: start < period.from ? period.from : start, to: end > period.to ? period.to : end });
    start = next;
  }
  return out;
}
