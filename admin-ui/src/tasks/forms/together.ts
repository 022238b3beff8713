/**
 * 一并分派: the house's other cases waiting for 分派, as form values (`together`, one entry per case)
 * and from those values to the body of `POST /api/tasks/assign-together`, the open task's own decision
 * first. A ticked case needs its measures; its deadline is optional as on the single form.
 */
import { MEASURES } from '../../../../definitions/hazard-case/labels.ts';
import type { AssignFormInput } from '../../../../definitions/hazard-case/forms.ts';
import type { AssignTogether } from '../types.ts';
import type { TaskContext } from '../types.ts';
import type { FormValues } from './bodies.ts';
import { someOf } from './choices.ts';

/** One other case of the form: its assign task, number and what the officer decided for it. */
export interface TogetherValue {
  taskId: string;
  number: string;
  selected: boolean;
  measures: string[];
  rectifyDeadline?: string;
}

/** The form's starting entries: every other case of the house whose assign task the user may do now, unticked. */
export function togetherDefaults(context: TaskContext | undefined): TogetherValue[] {
  return (context?.otherOpenCases ?? []).flatMap((c) =>
    c.assignTaskId && c.assignable
      ? [{ taskId: c.assignTaskId, number: c.number, selected: false, measures: c.severity === 'serious' ? ['stop_use_evacuate'] : [] }]
      : [],
  );
}

/** The form's values of entry `i` (the context may arrive after the form's defaults were set). */
const valueAt = (values: FormValues, i: number): Partial<TogetherValue> =>
  (Array.isArray(values.together) ? (values.together as Partial<TogetherValue>[])[i] : undefined) ?? {};

/** Whether any other case is ticked. */
export const anyTogether = (values: FormValues, entries: TogetherValue[]): boolean =>
  entries.some((_, i) => valueAt(values, i).selected === true);

/** The batch body, or the field problems (translation keys) to show on the entries that lack measures. */
export function togetherBody(
  taskId: string,
  own: AssignFormInput,
  values: FormValues,
  entries: TogetherValue[],
): { ok: true; body: AssignTogether } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const cases: AssignTogether['cases'] = [{ taskId, measures: own.measures, rectifyDeadline: own.rectifyDeadline, note: own.note }];
  entries.forEach((entry, i) => {
    const v = valueAt(values, i);
    if (v.selected !== true) return;
    const measures = someOf(MEASURES, v.measures ?? entry.measures);
    if (measures.length === 0) errors[`together.${i}.measures`] = 'ra.validation.required';
    const deadline = typeof v.rectifyDeadline === 'string' && v.rectifyDeadline !== '' ? v.rectifyDeadline : undefined;
    cases.push({ taskId: entry.taskId, measures, rectifyDeadline: deadline, note: own.note });
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { responsibleParty: own.responsibleParty, cases } };
}
