/**
 * Dates as Chinese users write and read them, whatever the browser's language: 2026-12-06 in inputs,
 * 2026年12月6日 in text. A browser's own date field follows its locale (12/06/2026 in an English
 * Chrome), so the inputs are text fields that read the usual ways of writing a date.
 */

/** The date `text` names, as YYYY-MM-DD; null when it is not a real date in a form we read. */
export function normalizeDate(text: string): string | null {
  const t = text.trim();
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y)}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 2026-12-06 → 2026年12月6日 (anything else as given). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1] ?? ''}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The Beijing calendar day of an instant, as YYYY-MM-DD. */
export function beijingDay(instant: string | Date): string {
  return new Date(instant).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The first or last instant of a Beijing calendar day (for "from" and "to" filters on instants). */
export function beijingDayBound(day: string, end: 'start' | 'end'): string {
  return new Date(`${day}T${end === 'start' ? '00:00:00.000' : '23:59:59.999'}+08:00`).toISOString();
}
