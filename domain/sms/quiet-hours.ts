/**
 * Quiet hours (免打扰时段): messages to house owners are not sent at night but held until the window
 * ends, in the district's local time (a fixed UTC offset: China has no daylight saving time). Staff
 * messages go at once: a deadline is a deadline.
 */

/** A daily window in minutes after local midnight; `start > end` wraps past midnight (22:00–07:00). */
export interface QuietHours {
  start: number;
  end: number;
  /** Local time's offset from UTC in minutes (+480 for China). */
  offsetMinutes: number;
}

/** Parses `HH:MM-HH:MM` (empty: no quiet hours); throws with the reason. */
export function parseQuietHours(raw: string): { start: number; end: number } | null {
  if (raw === '') return null;
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(raw);
  if (!m) throw new Error('must be HH:MM-HH:MM (e.g. 22:00-07:00) or empty');
  const [h1, m1, h2, m2] = m.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) throw new Error('hours 00–23, minutes 00–59');
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  if (start === end) throw new Error('start and end must differ');
  return { start, end };
}

/** When a message created at `now` may be sent: `now` outside the window, else the window's end. */
export function releaseTime(now: Date, quiet: QuietHours | null): Date {
  if (!quiet) return now;
  const dayMs = 86_400_000;
  const localMs = now.getTime() + quiet.offsetMinutes * 60_000;
  const minute = Math.floor((((localMs % dayMs) + dayMs) % dayMs) / 60_000);
  const inside = quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
  if (!inside) return now;
  const localMidnight = localMs - (((localMs % dayMs) + dayMs) % dayMs);
  // The end today, or tomorrow when the window wrapped and we are before midnight.
  let endLocal = localMidnight + quiet.end * 60_000;
  if (endLocal <= localMs) endLocal += dayMs;
  return new Date(endLocal - quiet.offsetMinutes * 60_000);
}
