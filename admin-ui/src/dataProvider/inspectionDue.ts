/**
 * The 定期巡查 calls (`/api/inspection-due…`): the signed-in inspector's batch, the coverage figures of
 * the reader's area, and the houses behind a figure.
 */
import type { Coverage, CoverageClass, DueItem } from '../../../domain/inspection-schedule/store.ts';
import { apiRequest } from '../http.ts';
import { fetchList, filterQuery, url } from './request.ts';
import type { Page } from './request.ts';

/** The coverage window and slice, as the API takes them; a figure's list takes the same. */
export interface CoverageParams {
  from?: string;
  to?: string;
  regionCode?: string;
  assigneeId?: string;
  unassigned?: boolean;
  coverage?: CoverageClass;
}

export type CoverageReply = Coverage & { from: string; to: string; at: string };

const query = (params: object) => filterQuery(params as Record<string, unknown>);

export interface InspectionDueCalls {
  /** The houses handed to the signed-in inspector, most urgent first. */
  inspectionBatch(params: { page: number; perPage: number }, signal?: AbortSignal): Promise<Page<DueItem>>;
  inspectionCoverage(params: CoverageParams, signal?: AbortSignal): Promise<CoverageReply>;
  inspectionDueList(params: CoverageParams & { page: number; perPage: number }, signal?: AbortSignal): Promise<Page<DueItem>>;
}

export const inspectionDueCalls: InspectionDueCalls = {
  async inspectionBatch(params, signal) {
    return fetchList<DueItem>('/inspection-due/batch', query(params), signal);
  },
  async inspectionCoverage(params, signal) {
    return (await apiRequest(url('/inspection-due/coverage', query(params)), { signal })) as CoverageReply;
  },
  async inspectionDueList(params, signal) {
    return fetchList<DueItem>('/inspection-due', query({ ...params, sort: 'dueAt', order: 'asc' }), signal);
  },
};
