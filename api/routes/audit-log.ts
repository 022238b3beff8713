/**
 * The audit trail, read-only, for administrators and auditors: the audit log and the case events
 * (every action on a case) in one list, filtered by who, what, when and where.
 */
import { Type } from '@sinclair/typebox';
import { TRAIL_ACTIONS } from '../../domain/audit-actions.ts';
import type { ApiRouter } from '../http/router.ts';
import { AUTH_ERRORS, RegionCode, Timestamp, listOf, listQuery, literals } from '../http/schemas.ts';
import type { AuditLogService } from '../services/audit-log.ts';

const Entry = Type.Object({
  id: Type.String(),
  source: literals(['audit', 'case']),
  at: Timestamp,
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  subjectLabel: Type.Union([Type.String(), Type.Null()], { description: 'Case number, complaint tracking number, user name…' }),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Object({}, { additionalProperties: true }),
});

export function auditRoutes(api: ApiRouter, deps: { service: AuditLogService }): void {
  api.route({
    method: 'get',
    path: '/audit-log',
    summary:
      'Audit entries and case events (source "case": claims, completions, reassignments, escalations, cancellations) in the caller’s region, newest first',
    tags: ['audit'],
    auth: true,
    query: listQuery(['at', 'action', 'id'], {
      action: Type.Optional(literals(TRAIL_ACTIONS, { title: '操作' })),
      actorId: Type.Optional(Type.String({ format: 'uuid', maxLength: 36 })),
      subjectType: Type.Optional(Type.String({ maxLength: 32 })),
      subjectId: Type.Optional(Type.String({ maxLength: 64 })),
      from: Type.Optional(Timestamp),
      to: Type.Optional(Timestamp),
      regionCode: Type.Optional(RegionCode),
      source: Type.Optional(literals(['audit', 'case'])),
    }),
    responses: { 200: { description: '审计日志', schema: listOf(Entry) }, ...AUTH_ERRORS },
    handler: async ({ query, ctx }) => {
      return { body: await deps.service.list(ctx.ability, query) };
    },
  });
}
