/**
 * Open311 GeoReport v2 over the real API: every answer checked against the spec's field lists, in JSON
 * and XML, requests filed form-encoded (as the spec sends them) by house code or position, the filters,
 * the open/closed mapping with status notes, the error shape, and no personal data in public answers:
 * public reads show what the progress page shows without identifying anyone (no description, no exact
 * place, no media; the reply masked), and tracking numbers cannot be guessed in sequence.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TRACKING_NO } from '../../domain/complaints/tracking.ts';
import { createHouse } from '../support/cases.ts';
import { loggedIn } from '../support/http.ts';
import type { ApiClient } from '../support/http.ts';
import { recordHistoriesThenStop } from '../support/histories.ts';
import { startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

// Field lists of GeoReport v2 (wiki.open311.org/GeoReport_v2).
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const POST_FIELDS = ['service_request_id', 'service_notice', 'account_id'];

let stack: Stack;
let officer: ApiClient;
let inspector: ApiClient;
let house: string;
const AT = { latitude: 23.6905, longitude: 113.0212 };

before(async () => {
  // More complaints from one address than the default hourly limit.
  stack = await startStack({ COMPLAINTS_PER_HOUR: '50' });
  officer = await loggedIn(stack.baseUrl, 'officer');
  inspector = await loggedIn(stack.baseUrl, 'inspector');
  house = await createHouse(officer, { ...AT, address: '凤城街道新城路 3 号' });
});
after(async () => {
  await recordHistoriesThenStop(stack, 'open311');
});

const url = (path: string) => `${stack.baseUrl}/open311/v2${path}`;
const getJson = async <T>(path: string) => {
  const r = await fetch(url(path));
  return { status: r.status, body: (await r.json()) as T, type: r.headers.get('content-type') ?? '' };
};
const postForm = async <T>(path: string, fields: Record<string, string>) => {
  const r = await fetch(url(path), { method: 'POST', body: new URLSearchParams(fields) });
  const text = await r.text();
  return { status: r.status, text, body: (path.endsWith('.json') ? JSON.parse(text) : text) as T };
};
type Errors = { code: number; description: string }[];
type ServiceRequest = Record<string, unknown> & { service_request_id: string; status: string; status_notes: string | null };

describe('Open311 GeoReport v2', () => {
  test('services and service definitions, in JSON and XML, with the spec’s fields', async () => {
    const services = await getJson<Record<string, unknown>[]>('/services.json');
    assert.equal(services.status, 200);
    assert.equal(services.body.length, 9);
    for (const s of services.body) assert.deepEqual(Object.keys(s).sort(), [...SERVICE_FIELDS].sort());
    assert.deepEqual(services.body[1], {
      service_code: 'structure_damage',
      service_name: '承重结构损伤',
      description: '自建房安全隐患投诉：承重结构损伤',
      metadata: true,
      type: 'batch',
      keywords: '自建房,安全隐患,投诉',
      group: '自建房安全',
    });
    const xml = await fetch(url('/services.xml'));
    assert.match(xml.headers.get('content-type') ?? '', /application\/xml/);
    assert.match(
      await xml.text(),
      /^<\?xml[^>]*>\n<services><service><service_code>foundation<\/service_code><service_name>地基基础<\/service_name>/,
    );

    const def = await getJson<{ service_code: string; attributes: Record<string, unknown>[] }>('/services/structure_damage.json');
    assert.equal(def.body.service_code, 'structure_damage');
    for (const a of def.body.attributes) assert.deepEqual(Object.keys(a).sort(), [...ATTRIBUTE_FIELDS].sort());
    assert.equal(def.body.attributes[0]?.code, 'building_code');
    const defXml = await (await fetch(url('/services/structure_damage.xml'))).text();
    assert.match(
      defXml,
      /<service_definition><service_code>structure_damage<\/service_code><attributes><attribute><variable>true<\/variable>/,
    );

    const unknown = await getJson<Errors>('/services/cracks.json');
    assert.equal(unknown.status, 404);
    assert.deepEqual(Object.keys(unknown.body[0] ?? {}), ['code', 'description']);
    assert.equal(unknown.body[0]?.code, 404);
    const badFormat = await getJson<Errors>('/services.yaml');
    assert.equal(badFormat.status, 400);
  });

  test('POST requests (form-encoded): by house code or by position; the answer and the public record carry no personal data', async () => {
    const byCode = await postForm<Record<string, unknown>[]>('/requests.json', {
      service_code: 'structure_damage',
      'attribute[building_code]': house,
      description: '三楼外墙出现斜裂缝',
      first_name: '明',
      last_name: '李',
      phone: '13800001234',
      email: 'li@example.com',
      media_url: 'https://photos.example.com/crack.jpg',
    });
    assert.equal(byCode.status, 201, byCode.text);
    assert.deepEqual(Object.keys(byCode.body[0] ?? {}).sort(), [...POST_FIELDS].sort());
    const id = byCode.body[0]?.service_request_id as string;
    assert.match(id, /^TS\d{8}[A-HJ-NP-Z2-9]{8}$/);
    assert.match(byCode.body[0]?.service_notice as string, /已受理.*进度查询码：[A-Z2-9]{8}/);

    const byPosition = await postForm<string>('/requests.xml', {
      service_code: 'surroundings',
      lat: String(AT.latitude + 0.0005),
      long: String(AT.longitude),
      description: '屋后边坡有落石',
    });
    assert.equal(byPosition.status, 201, byPosition.text);
    const positionId = /<service_request_id>(TS\w{16})<\/service_request_id>/.exec(byPosition.body)?.[1] as string;
    assert.ok(positionId, byPosition.body);

    const one = await getJson<ServiceRequest[]>(`/requests/${id}.json`);
    assert.equal(one.status, 200);
    const record = one.body[0] as ServiceRequest;
    assert.deepEqual(Object.keys(record).sort(), [...REQUEST_FIELDS].sort());
    assert.equal(record.status, 'open');
    // The village, not the house: a house, a position or a photo can point at the complainant.
    const village = await stack
      .db('buildings as b')
      .join('regions as v', 'v.code', 'b.village_code')
      .join('regions as t', 't.code', 'v.parent_code')
      .where('b.code', house)
      .first('v.name as village', 't.name as town');
    assert.equal(record.address, `${village.town}${village.village}`);
    assert.deepEqual([record.address_id, record.lat, record.long, record.media_url, record.description], [null, null, null, null, null]);
    assert.match(record.agency_responsible as string, /清城区住房和城乡建设局/);
    assert.ok(record.expected_datetime, 'expected_datetime: the verification deadline');
    const text = JSON.stringify(one.body);
    for (const secret of ['13800001234', '李明', 'li@example.com', '斜裂缝', house, '新城路', 'photos.example.com'])
      assert.ok(!text.includes(secret), `public record shows ${secret}`);

    const xml = await (await fetch(url(`/requests/${positionId}.xml`))).text();
    assert.match(xml, /<service_requests><request><service_request_id>TS\w{16}<\/service_request_id><status>open<\/status>/);
    for (const hidden of ['description', 'lat', 'long', 'media_url']) assert.match(xml, new RegExp(`<${hidden}/>`));
    assert.ok(!xml.includes('边坡有落石'), xml);
    assert.match(xml, /<address_id\/>/);
    // The complaint is the same one officers work: its channel is Open311.
    const row = await stack.db('complaints').where({ tracking_no: id }).first('channel', 'contact_name', 'contact_phone');
    assert.deepEqual(row, { channel: 'open311', contact_name: '李明', contact_phone: '13800001234' });
  });

  test('GET requests: filters by ids, service_code, status and dates; closed with status_notes once unfounded', async () => {
    const a = await postForm<{ service_request_id: string }[]>('/requests.json', {
      service_code: 'ancillary',
      'attribute[building_code]': house,
      description: '阳台栏杆锈蚀松动',
    });
    const b = await postForm<{ service_request_id: string }[]>('/requests.json', {
      service_code: 'use_change',
      'attribute[building_code]': house,
      description: '一楼改成了仓库堆放易燃物',
    });
    const [ida, idb] = [a.body[0]?.service_request_id, b.body[0]?.service_request_id] as [string, string];
    const both = await getJson<ServiceRequest[]>(`/requests.json?service_request_id=${ida},${idb}`);
    assert.deepEqual(both.body.map((r) => r.service_request_id).sort(), [ida, idb].sort());
    const ancillary = await getJson<ServiceRequest[]>('/requests.json?service_code=ancillary');
    assert.deepEqual(
      ancillary.body.map((r) => r.service_request_id),
      [ida],
    );

    const complaint = await stack.db('complaints').where({ tracking_no: ida }).first('id');
    const verified = await inspector.post(`/api/complaints/${complaint.id}/verify`, { result: 'unfounded', reply: '栏杆已更换' });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    const closed = await getJson<ServiceRequest[]>('/requests.json?status=closed');
    assert.deepEqual(
      closed.body.map((r) => r.service_request_id),
      [ida],
    );
    assert.match(closed.body[0]?.status_notes ?? '', /栏杆已更换/);
    const open = await getJson<ServiceRequest[]>('/requests.json?status=open');
    assert.ok(!open.body.some((r) => r.service_request_id === ida));
    assert.ok(open.body.some((r) => r.service_request_id === idb));
    const future = await getJson<ServiceRequest[]>(
      `/requests.json?start_date=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
    );
    assert.deepEqual(future.body, []);
    const window = await getJson<ServiceRequest[]>(
      `/requests.json?start_date=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&end_date=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    assert.ok(window.body.length >= 2);
  });

  test('a reply that names the complainant reaches the public masked, in the list and one by one, JSON and XML', async () => {
    const filed = await postForm<{ service_request_id: string }[]>('/requests.json', {
      service_code: 'illegal_addition',
      'attribute[building_code]': house,
      description: '隔壁张三家楼顶在加建',
      last_name: '张',
      first_name: '三',
      phone: '13800138000',
    });
    const id = filed.body[0]?.service_request_id as string;
    const complaint = await stack.db('complaints').where({ tracking_no: id }).first('id');
    const reply = '已电话联系投诉人张三(13800138000)，户主：陈大文 身份证 441802198503120017 已承诺拆除';
    const verified = await inspector.post(`/api/complaints/${complaint.id}/verify`, { result: 'unfounded', reply });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    const answers = [
      await (await fetch(url(`/requests/${id}.json`))).text(),
      await (await fetch(url(`/requests/${id}.xml`))).text(),
      await (await fetch(url(`/requests.json?service_request_id=${id}`))).text(),
      await (await fetch(url('/requests.xml?status=closed'))).text(),
    ];
    for (const answer of answers) {
      assert.match(answer, new RegExp(id));
      for (const secret of ['张三', '13800138000', '陈大文', '198503120017', '楼顶在加建', house])
        assert.ok(!answer.includes(secret), `public answer shows ${secret}: ${answer}`);
      assert.match(answer, /投诉人张\*\(138\*\*\*\*8000\)/);
    }
    // The complainant still reads the reply whole on the progress page, behind the secret.
    const stored = await stack.db('complaint_notifications').where({ complaint_id: complaint.id }).orderBy('seq', 'desc').first('text');
    assert.match(stored.text, /张三\(13800138000\)/);
  });

  test('tracking numbers are random within a day, and numbers issued before still open their request', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await postForm<{ service_request_id: string }[]>('/requests.json', {
        service_code: 'other',
        'attribute[building_code]': house,
        description: `楼道堆放杂物第 ${i + 1} 处`,
      });
      ids.push(r.body[0]?.service_request_id as string);
    }
    for (const id of ids) assert.match(id, /^TS\d{8}[A-HJ-NP-Z2-9]{8}$/);
    assert.equal(new Set(ids.map((id) => id.slice(10))).size, 3);
    // An old sequential number, as the earlier code wrote it.
    const old = 'TS20261125000042';
    assert.match(old, TRACKING_NO);
    const template = await stack.db('complaints').where({ tracking_no: ids[0] }).first();
    await stack.db('complaints').insert({ ...template, id: undefined, tracking_no: old, created_at: new Date() });
    const one = await getJson<ServiceRequest[]>(`/requests/${old}.json`);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.equal(one.body[0]?.service_request_id, old);
    const listed = await getJson<ServiceRequest[]>(`/requests.json?service_request_id=${old},${ids[1]}`);
    assert.deepEqual(listed.body.map((r) => r.service_request_id).sort(), [old, ids[1]].sort());
  });

  test('errors in the spec’s shape, naming the field', async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ description: '没有服务代码的投诉' }, 400, /^service_code/],
      [{ service_code: 'cracks', description: '未知服务代码' }, 404, /^service_code/],
      [{ service_code: 'other', description: '没有位置也没有房屋' }, 400, /^lat/],
      [{ service_code: 'other', lat: 'north', long: '113', description: '位置不是数字' }, 400, /^lat/],
      [{ service_code: 'other', lat: '23.7', description: '只有纬度' }, 400, /^lat, long/],
      [
        { service_code: 'other', 'attribute[building_code]': '441802006001000019', description: '校验位错误的编码' },
        400,
        /^attribute\[building_code\]/,
      ],
      [{ service_code: 'other', 'attribute[building_code]': house, description: '短' }, 400, /^description/],
      [{ service_code: 'other', 'attribute[building_code]': house, description: '手机号不对', phone: '123' }, 400, /^phone/],
      [
        { service_code: 'other', 'attribute[building_code]': house, description: '链接格式不对', media_url: 'file:///etc/passwd' },
        400,
        /^media_url/,
      ],
    ];
    for (const [fields, status, field] of cases) {
      const r = await postForm<Errors>('/requests.json', fields);
      assert.equal(r.status, status, `${JSON.stringify(fields)} → ${r.text}`);
      assert.match(r.body[0]?.description ?? '', field, r.text);
      assert.equal(r.body[0]?.code, status);
    }
    const xml = await postForm<string>('/requests.xml', { description: '没有服务代码' });
    assert.match(xml.body, /<errors><error><code>400<\/code><description>service_code: 必填<\/description><\/error><\/errors>/);
    const missing = await getJson<Errors>('/requests/TS20991231000001.json');
    assert.equal(missing.status, 404);
    const badId = await getJson<Errors>('/requests.json?service_request_id=1,2');
    assert.equal(badId.status, 400);
    const badStatus = await getJson<Errors>('/requests.json?status=pending');
    assert.equal(badStatus.status, 400);
    const badBody = await fetch(url('/requests.json'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"service_code":',
    });
    assert.equal(badBody.status, 400);
    assert.equal(((await badBody.json()) as Errors)[0]?.code, 400);
    assert.equal(
      await stack
        .db('complaints')
        .where({ description: '没有服务代码的投诉' })
        .count({ n: '*' })
        .first()
        .then((r) => Number(r?.n)),
      0,
    );
  });
});
