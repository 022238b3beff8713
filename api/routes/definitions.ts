/**
 * Case definitions: the versions, each version's BPMN file (drawn by bpmn-js in the UI), and the
 * overview per element (cases there now, cases that passed it), scoped to the caller's region.
 */
import { readFile } from 'node:fs/promises';
import { Type } from '@sinclair/typebox';
import { HAZARD_CASE_BPMN_FILES, HAZARD_CASE_DEFINITIONS, LATEST_HAZARD_CASE_VERSION } from '../../definitions/hazard-case/index.ts';
import { whereAllowed } from '../../domain/access-sql.ts';
import { CASE_SCOPE } from '../../domain/cases/store.ts';
import type { Db } from '../../domain/db.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { sendFile } from '../http/binary.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, ErrorResponse, RegionCode } from '../http/schemas.ts';

const REPO_ROOT = new URL('../../', import.meta.url);
const VersionParams = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 1000 }) });
const NOT_FOUND = { 404: { description: '没有该版本', schema: ErrorResponse } };

function known(version: number) {
  const def = HAZARD_CASE_DEFINITIONS[version];
  if (!def) throw new NotFoundError(`隐患案件流程没有第 ${version} 版`);
  return def;
}

export function definitionRoutes(api: ApiRouter, deps: { db: Db }): void {
  api.route({
    method: 'get',
    path: '/definitions/hazard',
    summary: 'Versions of the hazard case definition (steps, roles, deadlines, outcomes)',
    tags: ['definitions'],
    auth: true,
    responses: { 200: { description: '流程定义' }, ...AUTH_ERRORS },
    handler: async () => ({
      body: { latest: LATEST_HAZARD_CASE_VERSION, versions: Object.values(HAZARD_CASE_DEFINITIONS) },
    }),
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
      known(params.version);
      const xml = await readFile(new URL(HAZARD_CASE_BPMN_FILES[params.version] as string, REPO_ROOT), 'utf8');
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
    handler: async ({ params, query, ctx }) => {
      known(params.version);
      const scoped = () => {
        const q = whereAllowed(deps.db('cases as c'), ctx.ability, 'read', 'Case', CASE_SCOPE).where(
          'c.definition_version',
          params.version,
        );
        if (query.regionCode) q.whereRaw('c.region_code LIKE ?', [`${query.regionCode}%`]);
        return q;
      };
      const [active, passed, total] = await Promise.all([
        scoped()
          .whereNotIn('c.status', ['closed', 'cancelled'])
          .select(deps.db.raw('unnest(c.active_elements) AS element'), deps.db.raw('count(*)::int AS n'))
          .groupBy('element'),
        scoped()
          .join('case_events as e', 'e.case_id', 'c.id')
          .crossJoin(deps.db.raw(`jsonb_array_elements_text(coalesce(e.data->'path', '[]'::jsonb)) AS p(element)`))
          .select('p.element', deps.db.raw('count(DISTINCT c.id)::int AS n'))
          .groupBy('p.element'),
        scoped().count({ n: '*' }).first(),
      ]);
      const elements: Record<string, { active: number; passed: number }> = {};
      for (const r of passed as { element: string; n: number }[]) elements[r.element] = { active: 0, passed: r.n };
      for (const r of active as { element: string; n: number }[])
        elements[r.element] = { active: r.n, passed: elements[r.element]?.passed ?? 0 };
      return { body: { elements, cases: (total as { n: number } | undefined)?.n ?? 0 } };
    },
  });
}
