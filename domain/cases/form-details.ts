/**
 * What a step's completion form recorded, as labelled Chinese lines for the trail and the dossier:
 * each field's title from the step's form schema (of the case's definition version), enumerations by
 * their labels, the responsible party as one line. File fields are left out: the trail lists the
 * evidence itself, and the summary line already says the recheck's result and reasons. Personal data
 * must be masked before (`maskEventData`).
 */
import type { TSchema } from '@sinclair/typebox';
import { hazardForms } from '../../definitions/hazard-case/forms.ts';
import * as LABELS from '../../definitions/hazard-case/labels.ts';
import type { StepId } from '../../definitions/hazard-case/types.ts';

export interface FormDetail {
  label: string;
  value: string;
}

/** The labels of each enumerated field, by its key in the forms. */
const ENUM_LABELS: Record<string, Record<string, string>> = {
  measures: LABELS.MEASURES,
  measuresTaken: LABELS.CONTROL_MEASURES,
  appraisalGrade: LABELS.APPRAISAL_GRADES,
  result: LABELS.RECHECK_RESULTS,
  action: LABELS.ESCALATION_ACTIONS,
  relation: LABELS.RELATIONS,
};

const isFileField = (key: string) => /fileIds?$/i.test(key);
/** Already in the event's one-line summary (复核不通过（原因）). */
const IN_SUMMARY = new Set(['result', 'reasons']);

/**
 * One field's value as a line of text, or null when it holds nothing: an enumeration by its label, a
 * list joined with 、, a yes/no, the responsible party (name · relation · phone). The dossier's facts
 * use it too, so both read the same.
 */
export function fieldText(key: string, value: unknown): string | null {
  const labels = ENUM_LABELS[key];
  if (Array.isArray(value)) return value.length ? value.map((v) => labels?.[String(v)] ?? String(v)).join('、') : null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const parts = [o.name, o.relation ? fieldText('relation', o.relation) : null, o.phone];
    return parts.filter((p) => p != null && p !== '').join(' · ') || null;
  }
  if (value == null || value === '') return null;
  return labels?.[String(value)] ?? String(value);
}

export function formDetails(definitionVersion: number, step: string, form: Record<string, unknown> | undefined): FormDetail[] {
  if (!form) return [];
  const schema = hazardForms(definitionVersion)[step as StepId] as (TSchema & { properties?: Record<string, TSchema> }) | undefined;
  const details: FormDetail[] = [];
  // In the form's own order, whatever order the client sent the fields in.
  const known = Object.keys(schema?.properties ?? {});
  const keys = [...known.filter((k) => k in form), ...Object.keys(form).filter((k) => !known.includes(k))];
  for (const key of keys) {
    if (isFileField(key) || IN_SUMMARY.has(key)) continue;
    const shown = fieldText(key, form[key]);
    if (shown === null) continue;
    details.push({ label: (schema?.properties?.[key]?.title as string | undefined) ?? key, value: shown });
  }
  return details;
}
