/**
 * Case definitions: the versions, each version's BPMN file (drawn by bpmn-js in the UI), and the
 * overview per element (cases there now, cases that passed it), scoped to the caller's region.
 */
import { Type } from '@sinclair/typebox';
import { sendFile } from '../http/binary.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode } from '../http/schemas.ts';
import type { DefinitionService } from '../services/definitions.ts';

const VersionParams = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 1000 }) });
const NOT_FOUND = { 404: { description: '没有该版本', schema: ErrorResponse } };

export function definitionRoutes(api: ApiRouter, deps: { service: DefinitionService }): void {
  api.route({
    method: 'get',
    path: '/definitions/hazard',
    summary: 'Versions of the hazard case definition (steps, roles, deadlines, outcomes)',
    tags: ['definitions'],
    auth: true,
    responses: { 200: { description: '流程定义' }, ...AUTH_ERRORS },
    handler: async () => ({ body: deps.service.versions() }),
  });

  api.route({
    method: 'get',
    path: '/definitions/hazard/:version/bpmn',
    summary: 'The BPMN 2.0 file of a version (with diagram layout)',
    tags: ['definitions'],
    auth: true,
    params: VersionParams,
    responses: { 200: { description: 'application/xml' }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, res }) => {
      const xml = await deps.service.bpmn(params.version);
      return sendFile(res, { contentType: 'application/xml; charset=utf-8', body: xml });
    },
  });

  api.route({
    method: 'get',
    path: '/definitions/hazard/:version/stats',
    summary: 'Per BPMN element: open cases there now and cases that passed it (the caller’s region, or a region within it)',
    tags: ['definitions'],
    auth: true,
    params: VersionParams,
    query: Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false }),
    responses: { 200: { description: '各节点统计' }, ...AUTH_ERRORS, ...NOT_FOUND },
    handler: async ({ params, query, ctx }) => ({ body: await deps.service.statistics(ctx.ability, params.version, query.regionCode) }),
  });
}
