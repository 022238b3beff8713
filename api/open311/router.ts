/**
 * Open311 GeoReport v2 (`/open311/v2/…`): the public standard for citizens' service requests, over the
 * same complaints as the web form. Services are the hazard categories (with a service definition for
 * the house-code attribute); a request is a complaint, its id the tracking number, its status the
 * spec's open/closed with the latest notification as status_notes. JSON or XML by the path's suffix;
 * errors in the spec's `{ code, description }` list. No API key is needed to file or to read.
 *
 * A complaint is confidential (投诉举报 protects the complainant): what anyone may read here is what the
 * progress page shows, minus whatever could identify someone — the category, the status, the dates, the
 * village, and the latest notice with personal data masked. No description, no exact place (house,
 * address, position), no media: those can point at the complainant and stay behind the secret.
 */
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { CASE_CATEGORY } from '../../domain/cases/enums.ts';
import type { CaseCategory } from '../../domain/cases/enums.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import { maskPublicText } from '../../domain/complaints/public.ts';
import { TRACKING_NO } from '../../domain/complaints/tracking.ts';
import { AppError } from '../../domain/errors.ts';
import type { ComplaintService, FieldNames } from '../services/complaints.ts';
import { send, sendErrors } from './format.ts';
import type { Format } from './format.ts';

const FIELDS: FieldNames = {
  description: 'description',
  buildingCode: 'attribute[building_code]',
  position: 'lat',
  phone: 'phone',
  fileIds: 'media_url',
};
const MAX_RESULTS = 200;
const DEFAULT_DAYS = 90;

class Open311Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const isCategory = (code: unknown): code is CaseCategory =>
  typeof code === 'string' && (CASE_CATEGORY.values as readonly string[]).includes(code);

function formatOf(req: Request): Format {
  const format = String(req.params.format ?? '').toLowerCase();
  if (format !== 'json' && format !== 'xml') throw new Open311Error(400, `format: 只支持 .json 或 .xml（收到 .${format}）`);
  return format;
}

function service(code: CaseCategory) {
  return {
    service_code: code,
    service_name: CASE_CATEGORY.labels[code],
    description: `自建房安全隐患投诉：${CASE_CATEGORY.labels[code]}`,
    metadata: true,
    type: 'batch',
    keywords: '自建房,安全隐患,投诉',
    group: '自建房安全',
  };
}

function definition(code: CaseCategory) {
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'building_code',
        datatype: 'string',
        required: false,
        datatype_description: '房屋二维码标签上的 18 位房屋编码；不填时必须提供 lat 和 long',
        order: 1,
        description: '房屋编码',
      },
    ],
  };
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function number(v: unknown, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Open311Error(400, `${name}: 必须是数字`);
  return n;
}

function w3cDate(v: unknown, name: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  const at = Date.parse(String(v));
  if (Number.isNaN(at)) throw new Open311Error(400, `${name}: 日期格式应为 ISO 8601（如 2026-11-25T08:00:00+08:00）`);
  return new Date(at).toISOString();
}

type Row = Record<string, unknown>;

/** A request as the public reads it: the spec's fields, those that could identify someone left empty. */
function toRequest(r: Row, agency: string) {
  const closed = r.status === 'unfounded' || r.case_status === 'closed' || r.case_status === 'cancelled';
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  const notice = r.last_notice as string | null;
  const names = [r.contact_name, r.owner_name] as (string | null)[];
  return {
    service_request_id: r.tracking_no,
    status: closed ? 'closed' : 'open',
    status_notes: notice ? maskPublicText(notice, names) : null,
    service_name: CASE_CATEGORY.labels[r.category as CaseCategory],
    service_code: r.category,
    description: null,
    agency_responsible: agency,
    service_notice: null,
    requested_datetime: iso(r.created_at),
    updated_datetime: iso(r.updated_at ?? r.created_at),
    expected_datetime: r.status === 'verifying' ? iso(r.verify_due_at) : null,
    // The village only: a house, an address or a position can point at the complainant.
    address: [r.town_name, r.village_name].filter(Boolean).join('') || null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

export function open311Router(deps: { db: Db; config: Config; service: ComplaintService }): express.Router {
  // Strict like every router of the app: one canonical path per request.
  const router = express.Router({ caseSensitive: true, strict: true });
  const { db } = deps;
  router.use(express.urlencoded({ extended: true, limit: '64kb' }), express.json({ limit: '64kb' }));
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  });

  const agencyOf = async (regionCode: string) => {
    const district = (await db('regions')
      .where({ code: regionCode.slice(0, 6) })
      .first('name')) as { name: string } | undefined;
    return `${district?.name ?? ''}住房和城乡建设局`;
  };

  const requests = () =>
    db('complaints as p')
      .leftJoin('buildings as b', 'b.code', 'p.building_code')
      .leftJoin('cases as c', 'c.id', 'p.case_id')
      .leftJoin('regions as v', 'v.code', 'p.region_code')
      .leftJoin('regions as t', 't.code', 'v.parent_code')
      .select(
        'p.tracking_no',
        'p.status',
        'p.category',
        'p.created_at',
        'p.verify_due_at',
        'p.region_code',
        // Read only to mask them wherever a notice repeats them; never sent.
        'p.contact_name',
        'b.owner_name',
        'v.name as village_name',
        't.name as town_name',
        'c.status as case_status',
        db.raw(`(SELECT n.text FROM complaint_notifications n WHERE n.complaint_id = p.id ORDER BY n.seq DESC LIMIT 1) AS last_notice`),
        db.raw(
          `greatest(p.created_at, (SELECT max(n.at) FROM complaint_notifications n WHERE n.complaint_id = p.id), c.updated_at) AS updated_at`,
        ),
      );

  const handle =
    (fn: (req: Request, res: Response, format: Format) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
      let format: Format;
      try {
        format = formatOf(req);
      } catch (error) {
        return sendErrors(res, 'json', 400, [{ description: (error as Error).message }]);
      }
      fn(req, res, format).catch((error: unknown) => {
        if (error instanceof Open311Error) return sendErrors(res, format, error.status, [{ description: error.message }]);
        if (error instanceof AppError) {
          const details = error.details?.length
            ? error.details.map((d) => ({ description: `${d.field}: ${d.message}` }))
            : [{ description: error.message }];
          return sendErrors(res, format, error.status, details);
        }
        next(error);
      });
    };

  router.get(
    '/services.:format',
    handle(async (_req, res, format) => send(res, format, 200, 'services', 'service', CASE_CATEGORY.values.map(service))),
  );

  router.get(
    '/services/:code.:format',
    handle(async (req, res, format) => {
      const code = req.params.code;
      if (!isCategory(code)) throw new Open311Error(404, `service_code: 没有此服务（${String(code)}）`);
      send(res, format, 200, 'service_definition', 'service_definition', definition(code));
    }),
  );

  router.post(
    '/requests.:format',
    handle(async (req, res, format) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const code = text(body.service_code);
      if (!code) throw new Open311Error(400, 'service_code: 必填');
      if (!isCategory(code)) throw new Open311Error(404, `service_code: 没有此服务（${code}）`);
      const lat = number(body.lat, 'lat');
      const long = number(body.long, 'long');
      if ((lat === undefined) !== (long === undefined)) throw new Open311Error(400, 'lat, long: 须同时提供');
      if (lat !== undefined && (lat < -90 || lat > 90)) throw new Open311Error(400, 'lat: 超出范围');
      if (long !== undefined && (long < -180 || long > 180)) throw new Open311Error(400, 'long: 超出范围');
      const attribute = (body.attribute ?? {}) as Record<string, unknown>;
      const description = text(body.description);
      if (!description || description.length < 5) throw new Open311Error(400, 'description: 请描述问题（至少 5 个字）');
      if (description.length > 1000) throw new Open311Error(400, 'description: 不能超过 1000 字');
      const mediaUrl = text(body.media_url);
      if (mediaUrl && (!/^https?:\/\/\S+$/i.test(mediaUrl) || mediaUrl.length > 500))
        throw new Open311Error(400, 'media_url: 须为 http(s) 链接');
      const name = [text(body.last_name), text(body.first_name)].filter(Boolean).join('') || undefined;
      if (name && name.length > 50) throw new Open311Error(400, 'first_name, last_name: 太长');
      const filed = await deps.service.file(
        {
          category: code,
          description,
          fileIds: [],
          buildingCode: text(attribute.building_code),
          position: lat !== undefined && long !== undefined ? { latitude: lat, longitude: long } : undefined,
          name,
          phone: text(body.phone),
          mediaUrl,
        },
        { address: req.ctx?.ip ?? '', channel: 'open311' },
        FIELDS,
      );
      const notice = `${filed.progress.notifications[0]?.text ?? '已受理'} 进度查询码：${filed.secret}（${deps.config.baseUrl}/m/c/${filed.trackingNo}）`;
      send(res, format, 201, 'service_requests', 'request', [
        { service_request_id: filed.trackingNo, service_notice: notice, account_id: null },
      ]);
    }),
  );

  router.get(
    '/requests.:format',
    handle(async (req, res, format) => {
      const q = req.query as Record<string, unknown>;
      const query = requests();
      const ids = text(q.service_request_id);
      if (ids) {
        const list = ids.split(',').map((s) => s.trim().toUpperCase());
        if (list.length > MAX_RESULTS || list.some((id) => !TRACKING_NO.test(id)))
          throw new Open311Error(400, 'service_request_id: 编号格式应为 TS 加日期和 8 位字母数字（或 6 位数字），逗号分隔');
        query.whereIn('p.tracking_no', list);
      } else {
        const start = w3cDate(q.start_date, 'start_date');
        const end = w3cDate(q.end_date, 'end_date');
        const code = text(q.service_code);
        if (code) {
          const codes = code.split(',');
          if (!codes.every(isCategory)) throw new Open311Error(400, `service_code: 没有此服务（${code}）`);
          query.whereIn('p.category', codes);
        }
        const status = text(q.status);
        if (status && status !== 'open' && status !== 'closed') throw new Open311Error(400, 'status: 只能是 open 或 closed');
        const closedSql = `(p.status = 'unfounded' OR coalesce(c.status IN ('closed', 'cancelled'), false))`;
        if (status === 'closed') query.whereRaw(closedSql);
        if (status === 'open') query.whereRaw(`NOT ${closedSql}`);
        // As the spec advises: the last 90 days unless a window is given.
        query.where(
          'p.created_at',
          '>=',
          start ?? new Date(Date.parse(end ?? new Date().toISOString()) - DEFAULT_DAYS * 86_400_000).toISOString(),
        );
        if (end) query.where('p.created_at', '<=', end);
      }
      const rows = (await query.orderBy('p.created_at', 'desc').limit(MAX_RESULTS)) as Row[];
      const agencies = new Map<string, string>();
      for (const r of rows) {
        const district = (r.region_code as string).slice(0, 6);
        if (!agencies.has(district)) agencies.set(district, await agencyOf(district));
      }
      const agencyFor = (r: Row) => agencies.get((r.region_code as string).slice(0, 6)) as string;
      send(
        res,
        format,
        200,
        'service_requests',
        'request',
        rows.map((r) => toRequest(r, agencyFor(r))),
      );
    }),
  );

  router.get(
    '/requests/:id.:format',
    handle(async (req, res, format) => {
      const id = String(req.params.id).toUpperCase();
      const row = TRACKING_NO.test(id) ? ((await requests().where('p.tracking_no', id).first()) as Row | undefined) : undefined;
      if (!row) throw new Open311Error(404, `service_request_id: 没有此请求（${id}）`);
      send(res, format, 200, 'service_requests', 'request', [toRequest(row, await agencyOf(row.region_code as string))]);
    }),
  );

  // A body that cannot be parsed, in the spec's error shape.
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status < 500)
      return sendErrors(res, req.path.endsWith('.xml') ? 'xml' : 'json', status, [{ description: 'body: 无法解析请求内容' }]);
    next(error);
  });
  router.use((req, res) =>
    sendErrors(res, req.path.endsWith('.xml') ? 'xml' : 'json', 404, [{ description: `没有此接口：${req.method} ${req.path}` }]),
  );
  return router;
}
