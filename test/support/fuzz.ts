/**
 * A fuzzer over the whole API, generated from its OpenAPI document: every route and parameter gets
 * values of the declared shape and hostile ones (wrong types, out-of-range numbers, huge and empty
 * strings, control characters, unknown and missing fields, deep nesting), sent as each demo role and
 * as nobody. A request fails the run when it answers 5xx, answers a 4xx not in the one error shape,
 * shows a town officer or inspector a record of another town, or leaves a row behind although refused.
 * fast-check draws the requests from a seed, so a failure is replayed by its seed and index.
 */
import { randomUUID } from 'node:crypto';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { ErrorResponse } from '../../api/http/schemas.ts';
import type { Db } from '../../domain/db.ts';
import { createHouse, registerCase } from './cases.ts';
import { ApiClient, loggedIn } from './http.ts';

type Schema = Record<string, unknown>;
type Param = { name: string; in: string; required: boolean; schema: Schema };
interface Operation {
  method: string;
  path: string;
  auth: boolean;
  params: Param[];
  body?: Schema;
}

export const ROLES = ['nobody', 'admin', 'officer', 'town', 'inspector', 'auditor', 'officer-cookie'] as const;
type Role = (typeof ROLES)[number];
/** Roles confined to one town (441802006): they must never see the other town's records. */
const CONFINED: Role[] = ['town', 'inspector'];

/** Routes left out: they end the fuzzer's own sessions or lock its accounts, which is their job. */
const SKIPPED = new Set(['post /api/auth/logout', 'post /api/auth/password']);

/** Tables a request writes itself (the workers' own tables fill in later, on their own schedule). */
const TABLES = [
  'buildings',
  'building_changes',
  'cases',
  'case_files',
  'complaints',
  'complaint_files',
  'inspections',
  'inspection_files',
  'inspection_cases',
  'campaigns',
  'label_batches',
  'import_jobs',
  'users',
  'sessions',
  'supervision_callbacks',
  'regions',
];

export interface Known {
  /** Codes and ids of the town's own records and of another town's. */
  ownHouse: string;
  ownCase: string;
  foreignHouse: string;
  foreignCase: string;
  foreignCaseNumber: string;
  foreignVillage: string;
}

export interface FuzzRequest {
  role: Role;
  method: string;
  url: string;
  /** The route as declared, e.g. `get /api/cases/{id}`. */
  route: string;
  auth: boolean;
  contentType?: string;
  body?: string;
}

export interface Finding {
  index: number;
  request: FuzzRequest;
  status: number;
  problem: string;
  answer: string;
}

const CONTROL = ['\u0000', '\u0001', '\u001f', '\u007f', '\t', '\n', '\r', '\u2028', '\ud800', '\ufffe'];
const HUGE = 'x'.repeat(70_000);
const WIDE = `{"x":[${new Array(60_000).fill(0).join(',')}]}`;
const DEEP = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

/** A value nested `depth` levels deep. */
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Values that break a schema's declared shape. */
function hostile(schema: Schema): fc.Arbitrary<unknown> {
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 100;
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, '', ' ', [], {}, 'NaN', '1e999', '-0'),
    fc.constantFrom('x'.repeat(max + 1), HUGE, '../../etc/passwd', "' OR 1=1 --", '%00', '__proto__'),
    fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b),
    fc.integer({ min: 33, max: 300 }).map(nested),
    fc.array(fc.integer(), { minLength: 101, maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
}

/** Values of the declared shape, with known ids and codes mixed in so region checks are reached. */
function shaped(schema: Schema, name: string, known: Known): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).map((s) => value(s, name, known)));
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), fc.constantFrom(known.ownCase, known.foreignCase));
      if (schema.format === 'date') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (/code/i.test(name) && !/region|village/i.test(name))
        return fc.constantFrom(known.ownHouse, known.foreignHouse, '441802006001000001');
      if (/region|village/i.test(name)) return fc.constantFrom('441802', '441802006', '441802006001', known.foreignVillage, '0');
      if (/username/i.test(name)) return fc.constantFrom('officer', 'nobody-here', 'town');
      const maxLength = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 20, 40);
      return fc.string({ minLength: Math.min(typeof schema.minLength === 'number' ? schema.minLength : 0, maxLength), maxLength });
    }
    case 'integer':
      return fc.integer({ min: Math.max(Number(schema.minimum ?? -1000), -1e9), max: Math.min(Number(schema.maximum ?? 1000), 1e9) });
    case 'number':
      return fc.double({ min: Number(schema.minimum ?? -1000), max: Number(schema.maximum ?? 1000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(value((schema.items ?? {}) as Schema, name, known), { maxLength: Math.min(Number(schema.maxItems ?? 3), 3) });
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, value(s, k, known)]));
      const required = (schema.required as string[] | undefined) ?? [];
      return fc
        .tuple(
          fc.record(model, { requiredKeys: required.filter((k) => k in model) }),
          // Missing required fields and unknown ones.
          fc.option(fc.constantFrom(...(required.length ? required : ['-'])), { freq: 4 }),
          fc.option(
            fc.dictionary(fc.constantFrom('extra', 'constructor', 'x\u0000', 'role', 'regionCode'), fc.jsonValue({ maxDepth: 2 })),
            {
              freq: 4,
            },
          ),
        )
        .map(([record, drop, extra]) => {
          const out: Record<string, unknown> = { ...record, ...(extra ?? {}) };
          if (drop) delete out[drop];
          return out;
        });
    }
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/** Mostly well-shaped values (so deeper code is reached), sometimes hostile ones. */
function value(schema: Schema, name: string, known: Known): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: shaped(schema, name, known), weight: 4 }, { arbitrary: hostile(schema), weight: 1 });
}

/** Percent-encodes text, lone surrogates included (as the invalid UTF-8 bytes a raw client could send). */
function encode(text: string): string {
  return [...text].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
}

const asText = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap(asText) : typeof v === 'object' && v !== null ? [JSON.stringify(v)] : [String(v)];

function operations(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      if (SKIPPED.has(`${method} ${path}`)) continue;
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
      ops.push({
        method,
        path,
        auth: ((op.security as unknown[] | undefined) ?? []).length > 0,
        params: ((op.parameters as Param[] | undefined) ?? []).filter((p) => p.in !== 'header'),
        body: content?.['application/json']?.schema,
      });
    }
  return ops;
}

/** The arbitrary of one request to one operation. */
function requestOf(op: Operation, known: Known): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathValue = (p: Param) =>
    fc.oneof(
      { arbitrary: value(p.schema, p.name, known).map((v) => encode(asText(v)[0] ?? '')), weight: 5 },
      { arbitrary: fc.constantFrom('%', '%E0%A4%A', '..', '%2e%2e', '%00', '%ff', 'a%2Fb'), weight: 1 },
    );
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, value(p.schema, p.name, known)])), { requiredKeys: [] });
  const body: fc.Arbitrary<{ contentType?: string; body?: string }> = op.body
    ? fc.oneof(
        {
          arbitrary: value(op.body, 'body', known).map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' })),
          weight: 8,
        },
        {
          arbitrary: fc.constantFrom(
            { contentType: 'application/json', body: '{"a":' },
            { contentType: 'application/json', body: DEEP },
            { contentType: 'application/json', body: WIDE },
            { contentType: 'text/plain', body: 'hello' },
            { contentType: 'application/json; charset=latin1', body: '{}' },
            {},
          ),
          weight: 1,
        },
      )
    : op.method === 'get'
      ? fc.constant({})
      : fc.oneof(
          { arbitrary: fc.constant({}), weight: 3 },
          {
            arbitrary: fc.constantFrom({ contentType: 'image/png', body: 'not a png' }, { contentType: 'application/json', body: '[1,' }),
            weight: 1,
          },
        );
  return fc
    .record({ role: fc.constantFrom(...ROLES), path: fc.tuple(...pathParams.map(pathValue)), query, body })
    .map(({ role, path, query: q, body: b }) => {
      let i = 0;
      const url = op.path.replace(/\{\w+\}/g, () => path[i++] ?? '');
      const search = Object.entries(q)
        .flatMap(([k, v]) => asText(v).map((s) => `${encode(k)}=${encode(s)}`))
        .join('&');
      return {
        role,
        method: op.method.toUpperCase(),
        url: search ? `${url}?${search}` : url,
        route: `${op.method} ${op.path}`,
        auth: op.auth,
        ...b,
      };
    });
}

/**
 * Before the random draw, every read as each confined role, plainly formed: lists with no filter, and
 * single records by the other town's ids. Random requests are mostly refused as malformed, so a list that
 * forgot its region rule would rarely be seen by them alone.
 */
function sweep(ops: Operation[], known: Known): FuzzRequest[] {
  const foreignFor = (p: Param): string | undefined => {
    if (p.schema.format === 'uuid') return known.foreignCase;
    if (/code/i.test(p.name)) return known.foreignHouse;
    if (/number|no$/i.test(p.name)) return known.foreignCaseNumber;
    return undefined;
  };
  return ops.flatMap((op) => {
    if (op.method !== 'get' || !op.auth) return [];
    const values = op.params.filter((p) => p.in === 'path').map(foreignFor);
    if (values.some((v) => v === undefined)) return [];
    let i = 0;
    const url = op.path.replace(/\{\w+\}/g, () => encode(values[i++] ?? ''));
    return CONFINED.map((role) => ({ role, method: 'GET', url, route: `${op.method} ${op.path}`, auth: op.auth }));
  });
}

/** The region-confined roles' foreign records, seeded in a second town. */
export async function seedForeignTown(baseUrl: string, db: Db): Promise<Known> {
  const officer = await loggedIn(baseUrl, 'officer');
  const village = (await db('regions')
    .whereRaw('length(code) = 12')
    .where('code', 'like', '441802%')
    .whereNot('code', 'like', '441802006%')
    .orderBy('code')
    .first('code')) as { code: string } | undefined;
  if (!village) throw new Error('no village outside town 441802006 in the region tree');
  const ownHouse = await createHouse(officer);
  const foreignHouse = await createHouse(officer, { villageCode: village.code, address: '另一镇某村 1 号' });
  const own = await registerCase(officer, ownHouse);
  const foreign = await registerCase(officer, foreignHouse);
  return {
    ownHouse,
    ownCase: own.id,
    foreignHouse,
    foreignCase: foreign.id,
    foreignCaseNumber: foreign.number,
    foreignVillage: village.code,
  };
}

interface Session {
  headers: Record<string, string>;
  csrf?: string;
}

async function sessions(baseUrl: string): Promise<Record<Role, Session>> {
  const out = { nobody: { headers: {} } } as Record<Role, Session>;
  for (const role of ['admin', 'officer', 'town', 'inspector', 'auditor'] as const) {
    const r = await new ApiClient(baseUrl).request<{ token: string }>('POST', '/api/auth/token', { username: role, password: 'Ydym@2026' });
    if (r.status !== 200) throw new Error(`token for ${role}: ${r.status}`);
    out[role] = { headers: { Authorization: `Bearer ${r.body.token}` } };
  }
  const cookie = await loggedIn(baseUrl, 'officer');
  out['officer-cookie'] = { headers: { Cookie: cookie.cookieHeader() }, csrf: cookie.csrf };
  return out;
}

async function counts(db: Db): Promise<Record<string, number>> {
  const row = (await db.raw(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`)) as {
    rows: Record<string, number>[];
  };
  return row.rows[0] as Record<string, number>;
}

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** Stop drawing new requests after this long. */
  budgetMs: number;
  log?: (line: string) => void;
}

/** Runs the fuzzer against a running API; answers the findings (none when the API holds). */
export async function fuzzApi(
  baseUrl: string,
  db: Db,
  known: Known,
  options: FuzzOptions,
): Promise<{ sent: number; findings: Finding[]; byStatus: Record<number, number> }> {
  const doc = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as Parameters<typeof operations>[0];
  const ops = operations(doc);
  const roles = await sessions(baseUrl);
  const checkError = new Ajv({ strict: false }).compile(ErrorResponse);
  const requests = [
    ...sweep(ops, known),
    ...fc.sample(fc.oneof(...ops.map((op) => requestOf(op, known))), { seed: options.seed, numRuns: options.runs }),
  ];
  const foreign = [known.foreignHouse, known.foreignCase, known.foreignCaseNumber];
  const findings: Finding[] = [];
  const byStatus: Record<number, number> = {};
  const deadline = Date.now() + options.budgetMs;
  let sent = 0;
  for (const [index, request] of requests.entries()) {
    if (Date.now() > deadline) break;
    const session = roles[request.role];
    const headers: Record<string, string> = { Accept: 'application/json', ...session.headers };
    if (request.contentType) headers['Content-Type'] = request.contentType;
    if (request.method !== 'GET') headers['Idempotency-Key'] = randomUUID();
    if (request.method !== 'GET' && session.csrf) headers['X-CSRF-Token'] = session.csrf;
    const before = await counts(db);
    const res = await fetch(baseUrl + request.url, { method: request.method, headers, body: request.body });
    const type = res.headers.get('content-type') ?? '';
    const answer = /json|xml|text/.test(type) ? await res.text() : (await res.arrayBuffer(), '');
    sent++;
    byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
    const found = (problem: string) => findings.push({ index, request, status: res.status, problem, answer: answer.slice(0, 500) });
    if (res.status >= 500) found('server error');
    if (res.status >= 400 && res.status < 500) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(answer);
      } catch {
        parsed = undefined;
      }
      // 431: Node's HTTP parser refuses an oversized request line before any application code runs.
      if (res.status !== 431 && (!type.includes('json') || !checkError(parsed))) found('4xx not in the error shape');
      const after = await counts(db);
      const grown = TABLES.filter((t) => after[t] !== before[t]);
      if (grown.length) found(`refused, but rows changed in ${grown.join(', ')}`);
    }
    if (CONFINED.includes(request.role)) {
      const asked = `${request.url} ${request.body ?? ''}`;
      for (const token of foreign)
        if (answer.includes(token) && (!asked.includes(token) || (request.auth && res.status < 300)))
          found(`another town's record (${token}) shown to ${request.role}`);
    }
    if (sent % 100 === 0) options.log?.(`${sent} requests, ${findings.length} findings`);
  }
  return { sent, findings, byStatus };
}
