/**
 * What the calls of every phone page share, on top of the framework-free `httpCore.ts`: a refusal's
 * message and the fields it names, as the forms show them; a photo on its way; and whether someone
 * signed in on this browser.
 */
import { csrfToken, readApiError, withoutLabel } from '../../httpCore.ts';

/** One field problem as the API names it (`body.hazards.0.description`), or `photos` for an upload. */
export interface FieldProblem {
  field: string;
  message: string;
  /** The field's Chinese name that begins `message` (整改责任人：必填), when the API gives one. */
  label?: string;
}

/** A problem's message without the field's name in front, for showing beside the field itself. */
export function problemText(problem: FieldProblem): string {
  const text = withoutLabel(problem);
  return text !== problem.message ? text : problem.message.replace(/^[\w.]+：/, '');
}

/** A photo of a form; `fileId` is set once the server holds it, so a re-send does not upload it again. */
export interface OutgoingPhoto {
  key: string;
  name: string;
  blob: Blob;
  fileId?: string;
}

/** True when someone signed in on this browser (the session may have expired since). */
export const signedInHere = () => csrfToken() !== undefined;

/**
 * A refused request's message (`fallback` when it has none) and the fields it names
 * (`details[].field`, or the error's own `field`).
 */
export async function refusal(response: Response, fallback: string): Promise<{ message: string; problems: FieldProblem[] }> {
  const error = await readApiError(response);
  const message = error.message ?? fallback;
  const problems = error.details.map((p): FieldProblem => ({
    field: p.field,
    message: p.message,
    ...(typeof p.label === 'string' ? { label: p.label } : {}),
  }));
  if (problems.length === 0 && error.field !== undefined) problems.push({ field: error.field, message });
  return { message, problems };
}

/** A photo as the raw body of an upload, typed as the image it is. */
export const photoFile = (photo: OutgoingPhoto) => ({
  data: photo.blob,
  name: photo.name,
  type: photo.blob.type || 'application/octet-stream',
});
