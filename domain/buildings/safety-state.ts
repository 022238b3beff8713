/**
 * The house's current safety state (排查结论, 整治状态, 整治措施) as one rule over its hazard cases and its
 * latest inspection, written once and applied on every event that can change it (inspection, complaint
 * confirmed, case opened, step completed, case closed or cancelled). The registry never says a house is
 * safe while one of its hazards is still open.
 *
 * 1. Open cases decide while there are any: 存在严重安全隐患 if one is serious, else 存在一定安全隐患;
 *    整治中 once one has been assigned (管控, 整改, 复核 or 销号 under way), else 待整治; the measures are
 *    those assigned to the open cases.
 * 2. With none open, a case that ended (销号 or 撤销) on or after the house's latest observation (its
 *    latest inspection, or without one the registry's judgement date) means every hazard found since is
 *    closed or withdrawn: 未发现安全隐患, and 已完成整治 with the closed cases' measures when one was closed.
 * 3. Otherwise the latest inspection, when it is no older than the registry's judgement, gives the
 *    judgement (a hazard found without a case waits as 待整治); and what the registry holds stays (an
 *    officer's entry or an import of a later date is not overwritten by an older inspection).
 */
import { MEASURES } from '../../definitions/hazard-case/labels.ts';
import type { Judgement, RectificationStatus } from './enums.ts';

export interface SafetyState {
  latestJudgement: Judgement | null;
  latestJudgementAt: string | null;
  rectificationStatus: RectificationStatus | null;
  rectificationMeasures: string | null;
}

export interface SafetyCase {
  severity: 'serious' | 'general';
  status: string;
  measures: readonly string[] | null;
  /** Beijing date the case was closed or cancelled; null while open. */
  endedOn: string | null;
}

export interface SafetyInputs {
  recorded: SafetyState;
  /** Beijing date and judgement of the house's latest inspection by inspection time. */
  latestInspection: { judgement: Judgement; date: string } | null;
  cases: readonly SafetyCase[];
  /** Beijing date of the event being applied: the date a changed judgement is recorded under. */
  eventDate: string;
}

const ASSIGNED = new Set(['controlling', 'rectifying', 'rechecking', 'closing']);
const ENDED = new Set(['closed', 'cancelled']);

/** The measures' labels in the form's order, joined as the registry's text field holds them. */
export function measuresText(cases: readonly SafetyCase[]): string | null {
  const chosen = new Set(cases.flatMap((c) => c.measures ?? []));
  const labels = Object.entries(MEASURES)
    .filter(([value]) => chosen.has(value))
    .map(([, label]) => label);
  return labels.length ? labels.join('；') : null;
}

/**
 * A judgement's date: kept while the judgement stays; when it changes, the event's date, never earlier
 * than the date recorded (a form sent late from a phone does not move the house's judgement back in time).
 */
function dated(recorded: SafetyState, judgement: Judgement, date: string): Pick<SafetyState, 'latestJudgement' | 'latestJudgementAt'> {
  const at = recorded.latestJudgementAt;
  if (recorded.latestJudgement === judgement && at !== null) return { latestJudgement: judgement, latestJudgementAt: at };
  return { latestJudgement: judgement, latestJudgementAt: at !== null && at > date ? at : date };
}

export function deriveSafetyState({ recorded, latestInspection, cases, eventDate }: SafetyInputs): SafetyState {
  const open = cases.filter((c) => !ENDED.has(c.status));
  if (open.length) {
    const judgement: Judgement = open.some((c) => c.severity === 'serious') ? 'serious' : 'some';
    return {
      ...dated(recorded, judgement, eventDate),
      rectificationStatus: open.some((c) => ASSIGNED.has(c.status)) ? 'in_progress' : 'pending',
      rectificationMeasures: measuresText(open),
    };
  }
  const everClosed = cases.some((c) => c.status === 'closed');
  const observedOn = latestInspection?.date ?? recorded.latestJudgementAt;
  const ended = cases.filter((c) => c.endedOn !== null && (observedOn === null || c.endedOn >= observedOn));
  if (ended.length) {
    const closed = ended.filter((c) => c.status === 'closed');
    const lastEnded = ended.map((c) => c.endedOn as string).sort((a, b) => b.localeCompare(a))[0] as string;
    return {
      ...dated(recorded, 'none', lastEnded),
      rectificationStatus: closed.length || everClosed ? 'done' : 'not_needed',
      rectificationMeasures: closed.length ? measuresText(closed) : everClosed ? recorded.rectificationMeasures : null,
    };
  }
  if (latestInspection && (recorded.latestJudgementAt === null || latestInspection.date >= recorded.latestJudgementAt)) {
    const { judgement, date } = latestInspection;
    if (judgement === 'none') {
      const status: RectificationStatus = everClosed || recorded.rectificationStatus === 'done' ? 'done' : 'not_needed';
      return {
        latestJudgement: judgement,
        latestJudgementAt: date,
        rectificationStatus: status,
        rectificationMeasures: status === 'done' ? recorded.rectificationMeasures : null,
      };
    }
    const waiting = recorded.rectificationStatus === 'pending' || recorded.rectificationStatus === 'in_progress';
    return {
      latestJudgement: judgement,
      latestJudgementAt: date,
      rectificationStatus: waiting ? recorded.rectificationStatus : 'pending',
      rectificationMeasures: recorded.rectificationMeasures,
    };
  }
  return recorded;
}

/** The fields whose value the rule changes, for the house's change record (empty: nothing to write). */
export function safetyChanges(before: SafetyState, after: SafetyState): Partial<SafetyState> {
  const out: Partial<SafetyState> = {};
  for (const key of Object.keys(after) as (keyof SafetyState)[]) {
    if (before[key] !== after[key]) (out as Record<string, unknown>)[key] = after[key];
  }
  return out;
}
