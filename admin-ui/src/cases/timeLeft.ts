/** How far a due date is, in words, and the colour it deserves: overdue red, under a day orange. */

export type DueTone = 'overdue' | 'soon' | 'normal';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface TimeLeft {
  tone: DueTone;
  /** `resources.cases.due.left` or `.overdue`, with `time` filled from the parts. */
  key: string;
  parts: { unit: 'days' | 'hours' | 'minutes'; n: number }[];
}

/** The time between now and `dueAt` as at most two units (3 天 4 小时, 5 小时 20 分钟, 12 分钟). */
export function timeLeft(dueAt: string, now: number, overdue = false): TimeLeft | null {
  const due = new Date(dueAt).getTime();
  if (Number.isNaN(due)) return null;
  const diff = due - now;
  const late = overdue || diff < 0;
  const span = Math.abs(diff);
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.max(days === 0 && hours === 0 ? 1 : 0, Math.floor((span % HOUR) / MINUTE));
  const parts: TimeLeft['parts'] = [];
  if (days > 0) parts.push({ unit: 'days', n: days });
  if (hours > 0) parts.push({ unit: 'hours', n: hours });
  if (days === 0 && minutes > 0) parts.push({ unit: 'minutes', n: minutes });
  return {
    tone: late ? 'overdue' : diff < DAY ? 'soon' : 'normal',
    key: late ? 'resources.cases.due.overdue' : 'resources.cases.due.left',
    parts: parts.slice(0, 2),
  };
}

export const TONE_COLOR: Record<DueTone, string> = { overdue: 'error.main', soon: 'warning.dark', normal: 'text.primary' };
