/**
 * The complaint form's state and its checks, mirroring the API's (POST /api/public/complaints), and
 * the API's field names (`body.phone`, `body.fileIds.0`, `body.position.latitude`) turned back into
 * the form's, so a server refusal is shown next to the field it is about.
 */
import type { CaseCategory } from '../../../../domain/cases/enums.ts';
import type { Refused } from './api.ts';
import { COMPLAIN_TEXT } from './text.ts';
import { problemText } from '../shared/api.ts';
import type { OutgoingPhoto } from '../shared/api.ts';

export const MIN_DESCRIPTION = 5;
export const MAX_DESCRIPTION = 1000;
export const MAX_NAME = 50;
export const MAX_PHOTOS = 9;

/** The place typed or located; `accuracy` is set while the numbers are the phone's own fix. */
export interface PlaceDraft {
  latitude: string;
  longitude: string;
  accuracy: number | null;
}

export interface ComplaintDraft {
  category: CaseCategory | null;
  description: string;
  photos: OutgoingPhoto[];
  name: string;
  phone: string;
  place: PlaceDraft;
}

export const emptyDraft = (): ComplaintDraft => ({
  category: null,
  description: '',
  photos: [],
  name: '',
  phone: '',
  place: { latitude: '', longitude: '', accuracy: null },
});

/** Errors by form field: `category`, `description`, `photos`, `name`, `phone`, `position`, and `form`. */
export type FieldErrors = Partial<Record<string, string>>;

export const FIELD_ORDER = ['category', 'description', 'photos', 'position', 'name', 'phone'];

/** Spaces and dashes are allowed in a typed number, as the API allows them. */
export const plainPhone = (phone: string) => phone.replace(/[\s-]/g, '');

function number(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

/** The position to send, or the reason there is none. */
export function positionOf(place: PlaceDraft): { latitude: number; longitude: number } | { error: string } {
  if (!place.latitude.trim() && !place.longitude.trim()) return { error: COMPLAIN_TEXT.positionRequired };
  const latitude = number(place.latitude, -90, 90);
  if (latitude === null) return { error: COMPLAIN_TEXT.latitudeInvalid };
  const longitude = number(place.longitude, -180, 180);
  if (longitude === null) return { error: COMPLAIN_TEXT.longitudeInvalid };
  return { latitude, longitude };
}

/** The form's own checks; `byPlace` when there is no house code and the position is needed. */
export function validateDraft(draft: ComplaintDraft, byPlace: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.category) errors.category = COMPLAIN_TEXT.categoryRequired;
  const description = draft.description.trim();
  if (!description) errors.description = COMPLAIN_TEXT.descriptionRequired;
  else if (description.length < MIN_DESCRIPTION) errors.description = COMPLAIN_TEXT.descriptionTooShort(MIN_DESCRIPTION);
  else if (description.length > MAX_DESCRIPTION) errors.description = COMPLAIN_TEXT.descriptionTooLong(MAX_DESCRIPTION);
  if (draft.photos.length > MAX_PHOTOS) errors.photos = COMPLAIN_TEXT.photosTooMany(MAX_PHOTOS);
  if (draft.name.trim().length > MAX_NAME) errors.name = COMPLAIN_TEXT.nameTooLong(MAX_NAME);
  const phone = plainPhone(draft.phone);
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) errors.phone = COMPLAIN_TEXT.phoneInvalid;
  if (byPlace) {
    const position = positionOf(draft.place);
    if ('error' in position) errors.position = position.error;
  }
  return errors;
}

const FORM_FIELDS: Partial<Record<string, string>> = {
  category: 'category',
  description: 'description',
  fileIds: 'photos',
  photos: 'photos',
  name: 'name',
  phone: 'phone',
  position: 'position',
};

/**
 * The server's refusal, each problem on its field (without the API's `description：` prefix); what
 * belongs to no field (a limit reached, an unknown house) is the form's message, as the server said it.
 */
export function refusalErrors(refused: Refused): FieldErrors {
  if (refused.status === 0) return { form: COMPLAIN_TEXT.offline };
  const errors: FieldErrors = {};
  for (const p of refused.problems) {
    const name = p.field.replace(/^body\.?/, '');
    const key = FORM_FIELDS[name.split('.')[0] ?? ''];
    if (!key) continue;
    const text = problemText(p);
    errors[key] ??= text;
  }
  const placed = Object.keys(errors).length > 0;
  errors.form = placed && refused.status !== 429 ? COMPLAIN_TEXT.fixErrors : refused.message || COMPLAIN_TEXT.unknownError;
  return errors;
}
