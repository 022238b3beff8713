/**
 * The complete house file (issue 20 §1): the appraisal history and the district's list of qualified
 * agencies, scans kept with the file (approval certificates, appraisal reports), and the safety
 * timeline.
 */
import { Type } from '@sinclair/typebox';
import { AGENCY_CHECKS, AGENCY_CHECK_LABELS } from '../../definitions/appraisal-agencies/index.ts';
import { APPRAISAL_GRADE } from '../../domain/buildings/enums.ts';
import { APPRAISAL_SORT_FIELDS } from '../../domain/house-file/appraisal-store.ts';
import { TIMELINE_KINDS } from '../../domain/house-file/timeline-store.ts';
import type { TimelineKind } from '../../domain/house-file/timeline-store.ts';
import { sendFile } from '../http/binary.ts';
import { auditContext } from '../http/context.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, Nullable, RegionCode, Text, Timestamp, Uuid, listOf, listQuery, literals } from '../http/schemas.ts';
import { readUpload } from '../http/uploads.ts';
import type { AppraisalService } from '../services/appraisals.ts';
import type { HouseTimelineService } from '../services/house-timeline.ts';

const DateOnly = (title: string) => Type.String({ format: 'date', maxLength: 10, title, description: 'YYYY-MM-DD' });
const Grade = literals(APPRAISAL_GRADE.values, { title: '鉴定等级', 'x-labels': APPRAISAL_GRADE.labels });
const AgencyCheck = literals(AGENCY_CHECKS, {
  title: '鉴定机构核验',
  'x-labels': AGENCY_CHECK_LABELS,
  description: 'listed: on the district’s list with that number; qualification_mismatch; unlisted',
});

const Appraisal = Type.Object({
  id: Uuid,
  buildingCode: Type.String(),
  regionCode: Type.String(),
  address: Nullable(Type.String()),
  agencyName: Type.String(),
  agencyQualificationNo: Type.String(),
  reportNo: Type.String(),
  appraisedOn: Type.String({ format: 'date' }),
  grade: Grade,
  scope: Nullable(Type.String()),
  reportFileId: Nullable(Uuid),
  nextDueOn: Nullable(Type.String({ format: 'date' })),
  agencyCheck: AgencyCheck,
  agenciesVersion: Type.Integer({ description: 'Version of the agency list the report was checked against' }),
  recordedByName: Type.String(),
  createdAt: Timestamp,
});

const AppraisalCreate = Type.Object(
  {
    agencyName: Type.String({ minLength: 2, maxLength: 100, title: '鉴定机构' }),
    agencyQualificationNo: Type.String({ minLength: 1, maxLength: 60, title: '鉴定机构资质证书编号' }),
    reportNo: Type.String({ minLength: 1, maxLength: 60, title: '鉴定报告编号' }),
    appraisedOn: DateOnly('鉴定日期'),
    grade: Grade,
    scope: Type.Optional(Type.Union([Text({ maxLength: 500, title: '鉴定范围' }), Type.Null()], { title: '鉴定范围' })),
    reportFileId: Type.Optional(Type.Union([Uuid, Type.Null()], { title: '鉴定报告文件' })),
    nextDueOn: Type.Optional(Type.Union([DateOnly('下次鉴定日期'), Type.Null()], { title: '下次鉴定日期' })),
  },
  { additionalProperties: false },
);

const CodeParams = Type.Object({ code: Type.String({ maxLength: 40, description: '18-character building code' }) });
const NOT_FOUND = { 404: { description: '房屋不存在或无权查看', schema: ErrorResponse } };
const FileInfo = Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer(), sha256: Type.String() });
const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

const TimelineEntry = Type.Object({
  kind: literals(TIMELINE_KINDS),
  at: Timestamp,
  ref: Type.String({
    description:
      '`case:<id>`, `inspection:<id>`, `complaint:<id>`, `campaign:<id>`, `appraisal:<id>`, `risk:<id>`, or the source of a judgement',
  }),
  data: Type.Object(
    {},
    { additionalProperties: true, description: 'The entry’s facts by kind; a complaint never carries its complainant' },
  ),
});

export function houseFileRoutes(api: ApiRouter, deps: { appraisals: AppraisalService; timeline: HouseTimelineService }): void {
  api.route({
    method: 'get',
    path: '/buildings/:code/timeline',
    summary:
      'The house’s safety timeline: judgements, risk tier changes, cases opened and ended, complaints (no complainant), inspections, special inspections and appraisals, newest first',
    tags: ['house-file'],
    auth: true,
    params: CodeParams,
    query: Type.Object(
      {
        page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
        perPage: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
        kinds: Type.Optional(
          Type.String({
            pattern: `^(${TIMELINE_KINDS.join('|')})(,(${TIMELINE_KINDS.join('|')})){0,7}$`,
            maxLength: 120,
            title: '事件类型',
            description: `Comma-separated: ${TIMELINE_KINDS.join(', ')}`,
          }),
        ),
      },
      { additionalProperties: false },
    ),
    responses: { 200: { description: '安全事件时间线', schema: listOf(TimelineEntry) }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, query, ctx }) => ({
      body: await deps.timeline.timeline(ctx.ability, params.code, {
        page: query.page,
        perPage: query.perPage,
        kinds: query.kinds?.split(',') as TimelineKind[] | undefined,
      }),
    }),
  });

  api.route({
    method: 'get',
    path: '/appraisal-agencies',
    summary: 'The district’s list of qualified appraisal agencies in force (a versioned definition)',
    tags: ['house-file'],
    auth: true,
    responses: {
      200: {
        description: '鉴定机构名录',
        schema: Type.Object({
          version: Type.Integer(),
          effectiveFrom: Type.String({ format: 'date' }),
          source: Type.String(),
          agencies: Type.Array(Type.Object({ name: Type.String(), qualificationNo: Type.String() })),
        }),
      },
      ...AUTH_ERRORS,
    },
    handler: async () => ({ body: deps.appraisals.agencies() }),
  });

  api.route({
    method: 'get',
    path: '/appraisals',
    summary: 'Appraisal reports of houses in the caller’s area, newest first; `flagged=true`: agency not on the list',
    tags: ['house-file'],
    auth: true,
    query: listQuery(APPRAISAL_SORT_FIELDS, {
      regionCode: Type.Optional(RegionCode),
      flagged: Type.Optional(Type.Boolean({ title: '机构存疑', description: 'true: agency not on the list or number not matching' })),
      grade: Type.Optional(Grade),
    }),
    responses: { 200: { description: '鉴定记录', schema: listOf(Appraisal) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => ({ body: await deps.appraisals.list(ctx.ability, query) }),
  });

  api.route({
    method: 'get',
    path: '/buildings/:code/appraisals',
    summary: 'The house’s appraisal history, newest first',
    tags: ['house-file'],
    auth: true,
    params: CodeParams,
    query: listQuery(APPRAISAL_SORT_FIELDS, {}),
    responses: { 200: { description: '鉴定记录', schema: listOf(Appraisal) }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, query, ctx }) => ({ body: await deps.appraisals.listForHouse(ctx.ability, params.code, query) }),
  });

  api.route({
    method: 'post',
    path: '/buildings/:code/appraisals',
    summary:
      'Record an appraisal report; when it is the latest, the house’s grade, date and report follow it (risk tier recomputed); the agency is checked against the list',
    tags: ['house-file'],
    auth: true,
    params: CodeParams,
    body: AppraisalCreate,
    responses: {
      201: { description: '已登记', schema: Appraisal },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
      409: { description: '该鉴定报告已登记', schema: ErrorResponse },
      422: { description: '违反规则（日期、报告文件）', schema: ErrorResponse },
    },
    handler: async ({ params, body, ctx }) => ({
      status: 201,
      body: await deps.appraisals.add(ctx.ability, params.code, body, auditContext(ctx)),
    }),
  });

  api.route({
    method: 'post',
    path: '/buildings/:code/files',
    summary: 'Upload a scan for the house file as the raw body (PDF, JPEG or PNG, ≤ 10 MB; X-File-Name: URL-encoded name)',
    tags: ['house-file'],
    auth: true,
    params: CodeParams,
    query: Type.Object({ purpose: literals(['approval', 'appraisal'] as const, { title: '用途' }) }, { additionalProperties: false }),
    responses: {
      201: { description: '已上传', schema: FileInfo },
      ...AUTH_ERRORS,
      ...NOT_FOUND,
      413: { description: '文件超过 10 MB', schema: ErrorResponse },
    },
    handler: async ({ params, query, ctx, req, res }) => {
      const upload = await readUpload(req, res, {
        accept: SCAN_TYPES,
        typeMessage: '只接受 PDF、JPEG 或 PNG 文件',
        fallbackName: query.purpose === 'approval' ? 'approval' : 'appraisal-report',
      });
      return { status: 201, body: await deps.appraisals.storeScan(ctx.ability, params.code, query.purpose, upload, auditContext(ctx)) };
    },
  });

  api.route({
    method: 'get',
    path: '/building-files/:id',
    summary: 'One scan of a house file (only to users who may read the house)',
    tags: ['house-file'],
    auth: true,
    params: Type.Object({ id: Uuid }),
    responses: { 200: { description: '文件' }, ...AUTH_ERRORS, 404: { description: '文件不存在或无权查看', schema: ErrorResponse } },
    handler: async ({ params, ctx, res }) => {
      const scan = await deps.appraisals.scan(ctx.ability, params.id);
      res.setHeader('Cache-Control', 'private, max-age=86400');
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(scan.name)}`);
      return sendFile(res, { contentType: scan.mime, body: deps.appraisals.read(scan) });
    },
  });
}
