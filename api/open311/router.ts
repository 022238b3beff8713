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
import { maskPublicText } from '../../domain/complaints/public.ts';
import { TRACKING_NO } from '../../domain/complaints/tracking.ts';
import { AppError } from '../../domain/errors.ts';
import type { PublicRequestFilter } from '../../domain/complaints/store.ts';
import type { ComplaintService, FieldNames } from '../services/complaints.ts';
import type { AgencyRequest, Open311Service } from '../services/open311.ts';
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

const iso = (v: string | null) => (v == null ? null : new Date(v).toISOString());

/** A request as the public reads it: the spec's fields, those that could identify someone left empty. */
function toRequest({ request: r, agency }: AgencyRequest) {
  const closed = r.status === 'unfounded' || r.caseStatus === 'closed' || r.caseStatus === 'cancelled';
  return {
    service_request_id: r.trackingNo,
    status: closed ? 'closed' : 'open',
    status_notes: r.lastNotice ? maskPublicText(r.lastNotice, r.names) : null,
    service_name: CASE_CATEGORY.labels[r.category],
    service_code: r.category,
    description: null,
    agency_responsible: agency,
    service_notice: null,
    requested_datetime: iso(r.createdAt),
    updated_datetime: iso(r.updatedAt),
    expected_datetime: r.status === 'verifying' ? iso(r.verifyDueAt) : null,
    // The village only: a house, an address or a position can point at the complainant.
    address: [r.townName, r.villageName].filter(Boolean).join('') || null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

export function open311Router(deps: { config: Config; service: ComplaintService; open311: Open311Service }): express.Router {
  // Strict like every router of the app: one canonical path per request.
  const router = express.Router({ caseSensitive: true, strict: true });
  router.use(express.urlencoded({ extended: true, limit: '64kb' }), express.json({ limit: '64kb' }));
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  });

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
      let filter: PublicRequestFilter;
      const ids = text(q.service_request_id);
      if (ids) {
        const list = ids.split(',').map((s) => s.trim().toUpperCase());
        if (list.length > MAX_RESULTS || list.some((id) => !TRACKING_NO.test(id)))
          throw new Open311Error(400, 'service_request_id: 编号格式应为 TS 加日期和 8 位字母数字（或 6 位数字），逗号分隔');
        filter = { trackingNos: list, limit: MAX_RESULTS };
      } else {
        const start = w3cDate(q.start_date, 'start_date');
        const end = w3cDate(q.end_date, 'end_date');
        const code = text(q.service_code);
        const codes = code?.split(',');
        if (code && !codes?.every(isCategory)) throw new Open311Error(400, `service_code: 没有此服务（${code}）`);
        const status = text(q.status);
        if (status !== undefined && status !== 'open' && status !== 'closed') throw new Open311Error(400, 'status: 只能是 open 或 closed');
        filter = {
          limit: MAX_RESULTS,
          categories: codes,
          status,
          // As the spec advises: the last 90 days unless a window is given.
          from: start ?? new Date(Date.parse(end ?? new Date().toISOString()) - DEFAULT_DAYS * 86_400_000).toISOString(),
          to: end,
        };
      }
      const found = await deps.open311.requests(filter);
      send(res, format, 200, 'service_requests', 'request', found.map(toRequest));
    }),
  );

  router.get(
    '/requests/:id.:format',
    handle(async (req, res, format) => {
      const id = String(req.params.id).toUpperCase();
      const found = TRACKING_NO.test(id) ? await deps.open311.request(id) : undefined;
      if (!found) throw new Open311Error(404, `service_request_id: 没有此请求（${id}）`);
      send(res, format, 200, 'service_requests', 'request', [toRequest(found)]);
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
