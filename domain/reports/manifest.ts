/**
 * A report's manifest (manifest.json): what it is (report id, region, kind, the report it counts changes
 * from, layout version), its counts, who made it and when, and each data file's name, size and SHA-256,
 * so a receiver can check what arrived. The manifest's own SHA-256 is the report's digest.
 */
import { createHash } from 'node:crypto';
import type { LayoutDefinition } from '../../definitions/national-layout/index.ts';
import type { DataReport, DataReportCounts, DataReportFile } from './store.ts';

export interface Manifest {
  reportId: string;
  region: { code: string; name: string | null };
  kind: DataReport['kind'];
  baseReportId: string | null;
  layout: { version: number; name: string };
  counts: DataReportCounts;
  createdBy: { id: string | null; name: string | null };
  createdAt: string;
  files: { name: string; contentType: string; size: number; sha256: string }[];
}

/** The manifest of a report whose data files are written, as bytes and their SHA-256. */
export function manifestOf(
  report: DataReport,
  layout: LayoutDefinition,
  counts: DataReportCounts,
  files: readonly DataReportFile[],
): { manifest: Manifest; bytes: Buffer; sha256: string } {
  const manifest: Manifest = {
    reportId: report.id,
    region: { code: report.regionCode, name: report.regionName },
    kind: report.kind,
    baseReportId: report.baseReportId,
    layout: { version: layout.version, name: layout.name },
    counts,
    createdBy: { id: report.createdBy, name: report.createdByName },
    createdAt: report.createdAt.toISOString(),
    files: files.map((f) => ({ name: f.name, contentType: f.contentType, size: f.size, sha256: f.sha256 })),
  };
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return { manifest, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
