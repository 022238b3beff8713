/** Helpers for import tests: files in the template's format, raw uploads, waiting for a job to finish. */
import { BOM, csvLine } from '../../domain/imports/csv.ts';
import type { ImportJob } from '../../domain/imports/jobs.ts';
import { templateCells } from '../../domain/imports/template-files.ts';
import { IMPORT_COLUMNS } from '../../domain/imports/template.ts';
import type { BuildingCreateInput } from '../../domain/buildings/schema.ts';
import { districtVillages } from '../../tools/synthetic/places.ts';
import { syntheticBuildings } from '../../tools/synthetic/buildings.ts';

/** Declared types of uploads. */
export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Synthetic houses in the villages whose codes start with `prefix`. */
export function housesIn(prefix: string, count: number, seed: number): BuildingCreateInput[] {
  return [
    ...syntheticBuildings(
      count,
      seed,
      districtVillages().filter((v) => v.code.startsWith(prefix)),
    ),
  ];
}

/** A CSV in the template's format (BOM, Chinese headers) from rows of cells. */
export function csvFile(rows: readonly (readonly string[])[], headers = IMPORT_COLUMNS.map((c) => c.header)): Buffer {
  return Buffer.from(BOM + csvLine(headers) + rows.map((r) => csvLine(r)).join(''), 'utf8');
}

/** A row of cells for a house, with some cells overridden by field name. */
export function cellsOf(house: Partial<BuildingCreateInput> & { code?: string }, override: Record<string, string> = {}): string[] {
  const cells = templateCells(house);
  for (const [field, value] of Object.entries(override)) {
    const i = IMPORT_COLUMNS.findIndex((c) => c.field === field);
    if (i < 0) throw new Error(`no column for ${field}`);
    cells[i] = value;
  }
  return cells;
}

/** A bearer token for a demo user: raw uploads are sent with fetch, outside ApiClient's JSON helpers. */
export async function bearer(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'Ydym@2026' }),
  });
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error(`no token for ${username}: ${res.status}`);
  return body.token;
}

/** An HTTP answer: parsed JSON or the raw bytes. */
export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
  bytes: Buffer;
}

/** A request with a bearer token; JSON answers parsed, others kept as bytes. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  token: string,
  path: string,
  init: { method?: string; body?: Buffer; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const res = await fetch(baseUrl + path, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, ...init.headers },
    body: init.body ? new Uint8Array(init.body) : undefined,
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.includes('json');
  return { status: res.status, body: (json ? JSON.parse(bytes.toString('utf8')) : undefined) as T, headers: res.headers, bytes };
}

/** Uploads a file as the raw body, as the UI does. */
export function upload(baseUrl: string, token: string, data: Buffer, fileName: string, type = CSV_TYPE): Promise<Answer<ImportJob>> {
  return call<ImportJob>(baseUrl, token, '/api/building-imports', {
    method: 'POST',
    body: data,
    headers: { 'Content-Type': type, 'X-File-Name': encodeURIComponent(fileName) },
  });
}

/** Polls a job until it is done or failed (and its report written). */
export async function finished(baseUrl: string, token: string, id: string, timeoutMs = 60_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = (await call<ImportJob>(baseUrl, token, `/api/building-imports/${id}`)).body;
    if ((job.status === 'done' || job.status === 'failed') && job.hasErrorReport) return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** GBK (GB18030) bytes of a text, as Chinese Excel saves a CSV; Node has no GBK encoder, so the table
 * is built by decoding every two-byte sequence once. */
export function gbk(text: string): Buffer {
  table ??= buildGbkTable();
  const codes = table;
  return Buffer.from(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const bytes = codes.get(ch);
      if (!bytes) throw new Error(`no two-byte GBK code for ${ch}`);
      return bytes;
    }),
  );
}

let table: Map<string, number[]> | undefined;
function buildGbkTable(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && !out.has(ch)) out.set(ch, [lead, trail]);
    }
  }
  return out;
}
