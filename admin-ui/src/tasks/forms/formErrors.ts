/**
 * The API's 422 field problems as react-admin form errors, keyed by input name. The API names
 * fields from the request (`body.form.responsibleParty.name`, `body.form.fileIds.0`); the inputs
 * are named within the form (`responsibleParty.name`, `fileIds`).
 */
import type { ApiFieldProblem } from '../../http.ts';

export function formErrorsOf(problems: ApiFieldProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const path = problem.field.replace(/^body\./, '').replace(/^form\.?/, '');
    if (path === '') continue;
    const segments = path.split('.');
    const item = segments.findIndex((s) => /^\d+$/.test(s));
    const input = (item === -1 ? segments : segments.slice(0, item)).join('.');
    // The API prefixes its message with the field's path, which the input already makes plain.
    const prefix = `${problem.field.replace(/^body\./, '')}：`;
    const message = problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
    errors[input] ??= message;
  }
  return errors;
}
