/**
 * The inspection form's state and its checks, mirroring the API's (so most mistakes are shown before
 * anything is sent), and the API's field names (`body.hazards.0.description`) turned back into the
 * form's, so a server refusal is shown next to the field it is about.
 */
import type { Judgement } from '../../../../domain/buildings/enums.ts';
import { CASE_CATEGORY } from '../../../../domain/cases/enums.ts';
import type { CaseCategory } from '../../../../domain/cases/enums.ts';
import type { HazardInput } from './api.ts';
import { problemText } from '../shared/api.ts';
import type { FieldProblem, OutgoingPhoto } from '../shared/api.ts';
import { INSPECT_TEXT } from './text.ts';

export const MAX_NOTES = 2000;
export const MAX_PHOTOS = 20;
export const MIN_DESCRIPTION = 2;
export const MAX_DESCRIPTION = 1000;

export interface InspectionDraft {
  judgement: Judgement | null;
  /** The checked categories, each with its description. */
  checked: Partial<Record<CaseCategory, string>>;
  notes: string;
  photos: OutgoingPhoto[];
}

export const emptyDraft = (): InspectionDraft => ({ judgement: null, checked: {}, notes: '', photos: [] });

/**
 * Errors by form field: `judgement`, `hazards`, `hazard.<category>`, `notes`, `photos`, `position`,
 * and `form` for what belongs to no field.
 */
export type FieldErrors = Partial<Record<string, string>>;

const FIELD_LABELS: Partial<Record<string, string>> = INSPECT_TEXT.fieldLabels;

export const hazardKey = (category: CaseCategory) => `hazard.${category}`;

/** The hazards to send, in the checklist's order; none when nothing was found. */
export function hazardsOf(draft: InspectionDraft): HazardInput[] {
  if (draft.judgement === 'none') return [];
  return CASE_CATEGORY.values.flatMap((category) => {
    const description = draft.checked[category];
    return description === undefined ? [] : [{ category, description: description.trim() }];
  });
}

export function validateDraft(draft: InspectionDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.judgement) errors.judgement = INSPECT_TEXT.judgementRequired;
  const hazards = hazardsOf(draft);
  if (draft.judgement && draft.judgement !== 'none' && hazards.length === 0) errors.hazards = INSPECT_TEXT.hazardsRequired;
  for (const h of hazards) {
    if (h.description === '') errors[hazardKey(h.category)] = INSPECT_TEXT.descriptionRequired;
    else if (h.description.length < MIN_DESCRIPTION) errors[hazardKey(h.category)] = INSPECT_TEXT.descriptionTooShort(MIN_DESCRIPTION);
  }
  if (draft.notes.trim().length > MAX_NOTES) errors.notes = INSPECT_TEXT.notesTooLong(MAX_NOTES);
  if (draft.photos.length > MAX_PHOTOS) errors.photos = INSPECT_TEXT.photosTooMany(MAX_PHOTOS);
  return errors;
}

/** The form field a problem is about, and its message without the API's `hazards.0.description：` prefix. */
function placed(problem: FieldProblem, hazards: HazardInput[]): { key: string; label: string; text: string } {
  const name = problem.field.replace(/^body\.?/, '');
  const text = problemText(problem);
  const hazard = /^hazards\.(\d+)(?:\.|$)/.exec(name);
  const category = hazard ? hazards[Number(hazard[1])]?.category : undefined;
  if (category) return { key: hazardKey(category), label: INSPECT_TEXT.categories[category], text };
  const head = name.split('.')[0] ?? '';
  const key = head === 'fileIds' ? 'photos' : head;
  const label = FIELD_LABELS[key];
  return label === undefined ? { key: 'form', label: '', text } : { key, label, text };
}

/** The server's refusal, each problem placed on its field; the message itself on the form. */
export function refusalErrors(message: string, problems: FieldProblem[], hazards: HazardInput[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const { key, text } = placed(p, hazards);
    errors[key] ??= text;
  }
  errors.form ??= Object.keys(errors).length > 0 ? INSPECT_TEXT.fixErrors : message;
  return errors;
}

/** The server's refusal in one line, for a kept form nobody is looking at: 承重结构损伤：长度不能少于 2 个字符. */
export function refusalReason(message: string, problems: FieldProblem[], hazards: HazardInput[]): string {
  if (problems.length === 0) return message;
  return problems
    .map((p) => {
      const { label, text } = placed(p, hazards);
      return label && !text.startsWith(label) ? `${label}：${text}` : text;
    })
    .join('；');
}
