/** The like-for-like baseline's one activity: a local activity doing nothing (the read-model write's slot). */
export async function noop(step: string): Promise<string> {
  return step;
}
