/**
 * The complete house file's calls: the safety timeline, the appraisal history (and recording one),
 * the district's list of qualified agencies, and scans uploaded for the file.
 */
import type { AppraisalAgencyList } from '../../../definitions/appraisal-agencies/index.ts';
import type { Appraisal, TimelineEntry } from '../buildings/houseFileTypes.ts';
import { apiRequest } from '../http.ts';
import type { UploadFile } from '../httpCore.ts';
import { fetchList, segment, url } from './request.ts';
import type { Page } from './request.ts';

export interface AppraisalBody {
  agencyName: string;
  agencyQualificationNo: string;
  reportNo: string;
  appraisedOn: string;
  grade: Appraisal['grade'];
  scope?: string | null;
  reportFileId?: string | null;
  nextDueOn?: string | null;
}

export interface HouseFileCalls {
  houseTimeline(code: string, params: { page: number; perPage: number }, signal?: AbortSignal): Promise<Page<TimelineEntry>>;
  houseAppraisals(code: string, signal?: AbortSignal): Promise<Page<Appraisal>>;
  addAppraisal(code: string, body: AppraisalBody, idempotencyKey: string): Promise<Appraisal>;
  appraisalAgencies(signal?: AbortSignal): Promise<AppraisalAgencyList>;
  /** Uploads a scan (PDF, JPEG or PNG) for the house file; answers its id. */
  uploadHouseScan(code: string, purpose: 'approval' | 'appraisal', file: UploadFile): Promise<{ id: string; name: string }>;
}

const house = (code: string) => `/buildings/${segment(code)}`;

export const houseFileCalls: HouseFileCalls = {
  async houseTimeline(code, params, signal) {
    return fetchList<TimelineEntry>(`${house(code)}/timeline`, { page: String(params.page), perPage: String(params.perPage) }, signal);
  },

  async houseAppraisals(code, signal) {
    return fetchList<Appraisal>(`${house(code)}/appraisals`, { page: '1', perPage: '100' }, signal);
  },

  async addAppraisal(code, body, idempotencyKey) {
    return (await apiRequest(url(`${house(code)}/appraisals`), { method: 'POST', body, idempotencyKey })) as Appraisal;
  },

  async appraisalAgencies(signal) {
    return (await apiRequest(url('/appraisal-agencies'), { signal })) as AppraisalAgencyList;
  },

  async uploadHouseScan(code, purpose, file) {
    return (await apiRequest(url(`${house(code)}/files`, { purpose }), { method: 'POST', file })) as { id: string; name: string };
  },
};
