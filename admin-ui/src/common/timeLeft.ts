/**
 * How far a due date is, in words, and the colour it deserves. The colour follows the share of the
 * allowed time that is left, not a fixed number of hours: a task given one day is not urgent the
 * moment it is created, and one given thirty days is already late in spirit with two days to go.
 */

export type DueTone = 'overdue' | 'urgent' | 'warning' | 'normal';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Under this share of the allowed time left, a due date is urgent (red). */
export const URGENT_SHARE = 0.25;
/** Under this share, it deserves a warning (orange). */
export const WARNING_SHARE = 0.5;

export interface TimeLeft {
  tone: DueTone;
  /** `resources.cases.due.left` or `.overdue`, with `time` filled from the parts. */
  key: string;
  parts: { unit: 'days' | 'hours' | 'minutes'; n: number }[];
}

/**
 * The tone of a due date at `now`. With the moment the time started (`startAt`, e.g. when the task
 * was created) it is the share of the span left; without one (a record that does not say when its
 * clock started) the last day is a warning. Overdue is overdue either way.
 */
export function dueTone(dueAt: string, startAt: string | null | undefined, now: number, overdue = false): DueTone | null {
  const due = new Date(dueAt).getTime();
  if (Number.isNaN(due)) return null;
  const left = due - now;
  if (overdue || left < 0) return 'overdue';
  const start = startAt ? new Date(startAt).getTime() : Number.NaN;
  const span = due - start;
  if (Number.isNaN(span) || span <= 0) return left < DAY ? 'warning' : 'normal';
  const share = left / span;
  if (share < URGENT_SHARE) return 'urgent';
  if (share < WARNING_SHARE) return 'warning';
  return 'normal';
}

/** The time between now and `dueAt` as at most two units (3 天 4 小时, 5 小时 20 分钟, 12 分钟), and its tone. */
export function timeLeft(dueAt: string, now: number, overdue = false, startAt?: string | null): TimeLeft | null {
  const tone = dueTone(dueAt, startAt, now, overdue);
  if (tone === null) return null;
  const diff = new Date(dueAt).getTime() - now;
  const late = tone === 'overdue';
  const span = Math.abs(diff);
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.max(days === 0 && hours === 0 ? 1 : 0, Math.floor((span % HOUR) / MINUTE));
  const parts: TimeLeft['parts'] = [];
  if (days > 0) parts.push({ unit: 'days', n: days });
  if (hours > 0) parts.push({ unit: 'hours', n: hours });
  if (days === 0 && minutes > 0) parts.push({ unit: 'minutes', n: minutes });
  return {
    tone,
    key: late ? 'resources.cases.due.overdue' : 'resources.cases.due.left',
    parts: parts.slice(0, 2),
  };
}

export const TONE_COLOR: Record<DueTone, string> = {
  overdue: 'error.main',
  urgent: 'error.main',
  warning: 'warning.dark',
  normal: 'text.primary',
};
