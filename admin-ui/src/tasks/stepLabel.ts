/**
 * A task's step in the reader's language: the API sends the definition's (Chinese) step name, which an
 * English reader would see untranslated; the step id has a label in every language.
 */
export function stepLabel(
  translate: (key: string, options?: Record<string, unknown>) => string,
  task: { step: string; stepName: string },
): string {
  return translate(`resources.tasks.enums.step.${task.step}`, { _: task.stepName });
}
