/**
 * QR codes and printable labels of houses: the QR code as SVG or PNG, one house's label sheet, and a
 * sheet for a selection of up to 500 houses (bigger sets go through label batches).
 */
import { Type } from '@sinclair/typebox';
import { writeLabelSheet } from '../../domain/labels/pdf.ts';
import { labelUrl, qrPng, qrSvg } from '../../domain/labels/qr.ts';
import { sendFile } from '../http/binary.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse } from '../http/schemas.ts';
import type { LabelService } from '../services/labels.ts';

/** Sheets rendered in the request; more labels than this make a batch. */
export const MAX_SHEET_LABELS = 500;

const CodeParams = Type.Object({ code: Type.String({ maxLength: 40, description: 'Building code (18 characters)' }) });
const READ_ERRORS = {
  ...AUTH_ERRORS,
  400: { description: '房屋编码格式不正确（INVALID_BUILDING_CODE，说明原因）', schema: ErrorResponse },
  404: { description: '房屋不存在或无权查看', schema: ErrorResponse },
};

/** What the label routes need. */
export interface LabelRouteDeps {
  service: LabelService;
  baseUrl: string;
}

/** Declares the QR and label-sheet routes. */
export function labelRoutes(api: ApiRouter, deps: LabelRouteDeps): void {
  api.route({
    method: 'get',
    path: '/buildings/:code/qr.svg',
    summary: 'QR code of a house (SVG): it encodes <PUBLIC_BASE_URL>/m/b/<code>',
    tags: ['labels'],
    auth: true,
    params: CodeParams,
    responses: { 200: { description: 'image/svg+xml' }, ...READ_ERRORS },
    handler: async ({ params, ctx, res }) => {
      const building = await deps.service.visible(ctx.ability, params.code);
      return sendFile(res, { contentType: 'image/svg+xml', body: await qrSvg(labelUrl(deps.baseUrl, building.code)) });
    },
  });

  api.route({
    method: 'get',
    path: '/buildings/:code/qr.png',
    summary: 'QR code of a house (PNG, 8 pixels a module)',
    tags: ['labels'],
    auth: true,
    params: CodeParams,
    responses: { 200: { description: 'image/png' }, ...READ_ERRORS },
    handler: async ({ params, ctx, res }) => {
      const building = await deps.service.visible(ctx.ability, params.code);
      return sendFile(res, { contentType: 'image/png', body: await qrPng(labelUrl(deps.baseUrl, building.code)) });
    },
  });

  api.route({
    method: 'get',
    path: '/buildings/:code/label.pdf',
    summary: 'Printable label sheet (A4 PDF) of one house',
    tags: ['labels'],
    auth: true,
    params: CodeParams,
    responses: { 200: { description: 'application/pdf' }, ...READ_ERRORS },
    handler: async ({ params, ctx, res }) => {
      const { building, labels } = await deps.service.houseLabel(ctx.ability, params.code);
      return sendFile(res, {
        contentType: 'application/pdf',
        filename: `label-${building.code}.pdf`,
        body: (out) => writeLabelSheet(labels, out, { title: building.villageName ? `${building.villageName} 房屋标签` : undefined }),
      });
    },
  });

  api.route({
    method: 'post',
    path: '/labels/pdf',
    summary: `Printable label sheet (A4 PDF) of up to ${MAX_SHEET_LABELS} houses, in code order; any unknown code refuses the whole sheet`,
    tags: ['labels'],
    auth: true,
    // A rendering with no side effect: repeating it is harmless, and a PDF is not kept for replays.
    idempotent: false,
    body: Type.Object(
      { codes: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: MAX_SHEET_LABELS, title: '房屋编码' }) },
      { additionalProperties: false },
    ),
    responses: {
      200: { description: 'application/pdf' },
      ...AUTH_ERRORS,
      400: { description: '房屋编码格式不正确（逐个说明）', schema: ErrorResponse },
      422: { description: '有房屋编码不存在或不在管辖范围内（UNKNOWN_BUILDINGS，逐个列出）', schema: ErrorResponse },
    },
    handler: async ({ body, ctx, res }) => {
      const labels = await deps.service.selectionLabels(ctx.ability, body.codes);
      return sendFile(res, {
        contentType: 'application/pdf',
        filename: `labels-${labels.length}.pdf`,
        body: (out) => writeLabelSheet(labels, out, { title: '选定房屋标签' }),
      });
    },
  });
}
