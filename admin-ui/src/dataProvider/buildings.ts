/**
 * The house calls beyond CRUD: the region tree, a house file, the owner's contact details, building
 * imports and their problems, and any file the API sends (labels, templates, error reports).
 */
import type { BuildingPersonal, HouseFile, RiskChange } from '../buildings/types.ts';
import type { ImportJob, ImportProblem } from '../building-imports/types.ts';
import { apiDownload, apiRequest } from '../http.ts';
import type { DownloadedFile, HttpMethod } from '../http.ts';
import type { RegionNode } from '../regions/types.ts';
import { fetchList, segment, url } from './request.ts';
import type { Page, Query } from './request.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface BuildingCalls {
  /** The tree from `root` (the user's own region when omitted), `depth` levels deep. */
  regionTree(params: { root?: string; depth: number; signal?: AbortSignal }): Promise<RegionNode>;
  /** A house file: the building with its change history and related records. */
  houseFile(code: string, signal?: AbortSignal): Promise<HouseFile>;
  /** The owner's contact details in full; the API records every call. */
  buildingPersonal(code: string): Promise<BuildingPersonal>;
  /** The house's risk tier history, newest first. */
  riskHistory(code: string, signal?: AbortSignal): Promise<RiskChange[]>;
  /** A file from the API (`path` under /api): labels, templates, error reports, a case's dossier. */
  download(path: string, options?: { method?: HttpMethod; body?: unknown }): Promise<DownloadedFile>;
  /** Uploads a spreadsheet of buildings; the import runs in the background. */
  uploadImport(file: File): Promise<ImportJob>;
  importProblems(id: string, page: number, perPage: number, signal?: AbortSignal): Promise<Page<ImportProblem>>;
}

export const buildingCalls: BuildingCalls = {
  async regionTree({ root, depth, signal }) {
    const query: Query = { depth: String(depth) };
    if (root !== undefined) query.root = root;
    return (await apiRequest(url('/regions/tree', query), { signal })) as RegionNode;
  },

  async houseFile(code, signal) {
    return (await apiRequest(url(`/buildings/by-code/${segment(code)}`), { signal })) as HouseFile;
  },

  async riskHistory(code, signal) {
    return ((await apiRequest(url(`/buildings/${segment(code)}/risk-history`), { signal })) as { data: RiskChange[] }).data;
  },

  async buildingPersonal(code) {
    return (await apiRequest(url(`/buildings/${segment(code)}/personal`))) as BuildingPersonal;
  },

  async download(path, options = {}) {
    return apiDownload(url(path), options);
  },

  async uploadImport(file) {
    // By extension: browsers on Windows call a CSV file "application/vnd.ms-excel".
    const name = file.name.toLowerCase();
    const type = name.endsWith('.xlsx') ? XLSX_TYPE : name.endsWith('.csv') ? 'text/csv' : file.type;
    return (await apiRequest(url('/building-imports'), { method: 'POST', file: { data: file, name: file.name, type } })) as ImportJob;
  },

  async importProblems(id, page, perPage, signal) {
    return fetchList<ImportProblem>(`/building-imports/${segment(id)}/problems`, { page: String(page), perPage: String(perPage) }, signal);
  },
};
