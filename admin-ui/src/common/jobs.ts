/** Background jobs (imports, label batches) as the API reports them, and how often to ask again. */

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** Still working: the page keeps asking for progress. */
export const isActive = (status: JobStatus | undefined) => status === 'queued' || status === 'running';

/** How often a page asks for the progress of a running job. */
export const POLL_MS = 2000;
