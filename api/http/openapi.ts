/** The OpenAPI 3.1 document, generated from the same route declarations that validate requests. */
import type { TSchema } from '@sinclair/typebox';
import type { ApiRouter } from './router.ts';
import { ErrorResponse } from './schemas.ts';

/** JSON of a TypeBox schema without its symbol keys; nested `$id`s are kept for references. */
function plain(schema: TSchema): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}

function parameters(schema: TSchema | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const props = (schema.properties ?? {}) as Record<string, TSchema>;
  const required = new Set<string>((schema.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: plain(s),
  }));
}

export function openApiDocument(api: ApiRouter, info: { version: string; serverUrl: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of api.specs) {
    const path = api.prefix + spec.path.replace(/:(\w+)/g, '{$1}');
    const mutating = spec.method !== 'get';
    const operation: Record<string, unknown> = {
      summary: spec.summary,
      tags: spec.tags,
      operationId: `${spec.method}${path.replace(/[^\w]+(\w)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: [
        ...parameters(spec.params, 'path'),
        ...parameters(spec.query, 'query'),
        ...(mutating && spec.idempotent !== false
          ? [
              {
                name: 'Idempotency-Key',
                in: 'header',
                required: false,
                schema: { type: 'string', maxLength: 200 },
                description: 'A repeat with the same key returns the first response',
              },
            ]
          : []),
      ],
      responses: Object.fromEntries(
        Object.entries(spec.responses).map(([status, r]) => [
          status,
          r.schema
            ? {
                description: r.description,
                content: {
                  'application/json': { schema: r.schema === ErrorResponse ? { $ref: '#/components/schemas/Error' } : plain(r.schema) },
                },
              }
            : { description: r.description },
        ]),
      ),
      security: spec.security ?? (spec.auth ? [{ cookieSession: [], csrfToken: [] }, { bearerToken: [] }] : []),
    };
    if (spec.body) operation.requestBody = { required: true, content: { 'application/json': { schema: plain(spec.body) } } };
    paths[path] = { ...paths[path], [spec.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '一栋一码 API',
      version: info.version,
      description:
        'Self-built house safety supervision platform. Errors share one shape (components.schemas.Error) with a stable code and a Chinese message. Lists take page, perPage, sort, order and filters and answer { data, total }.',
    },
    servers: [{ url: info.serverUrl }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Error: plain(ErrorResponse) },
      securitySchemes: {
        cookieSession: { type: 'apiKey', in: 'cookie', name: 'ydym_session', description: 'Set by POST /api/auth/login' },
        csrfToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'Value of the ydym_csrf cookie; required with the cookie on unsafe methods',
        },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/auth/token' },
        platformCredential: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: '<client id>.<secret>',
          description: 'A higher-level platform’s credential, created by an administrator (POST /api/api-clients), revocable',
        },
      },
    },
  };
}
