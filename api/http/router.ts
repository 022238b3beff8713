/**
 * Routes are declared once, with TypeBox schemas for path, query and body: the same declaration
 * validates requests, guards authentication and idempotency, and produces the OpenAPI document.
 * Handlers return `{ status, body }` instead of writing to the response, so the outcome can be
 * stored for Idempotency-Key replays.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Router } from 'express';
import type { Request, Response } from 'express';
import { UnauthenticatedError } from '../../domain/errors.ts';
import type { AuthUser, RequestContext } from './context.ts';
import type { Idempotency } from './idempotency.ts';
import { passwordChangeProblem, sessionProblem } from './session.ts';
import { validator } from './validation.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Reply {
  status?: number;
  body?: unknown;
}

export interface HandlerInput<P, Q, B, U> {
  params: P;
  query: Q;
  body: B;
  ctx: RequestContext & { user: U };
  req: Request;
  res: Response;
}

export interface RouteSpec<P extends TSchema, Q extends TSchema, B extends TSchema, Auth extends boolean> {
  method: Method;
  /** Express-style path under the router's prefix, e.g. `/users/:id`. */
  path: string;
  summary: string;
  tags: string[];
  /** true: a signed-in user is required (401 otherwise). */
  auth: Auth;
  /** true for the few routes a user whose password must be changed may still call. */
  beforePasswordChange?: boolean;
  /** false for endpoints whose response must never be replayed (login returns a secret). */
  idempotent?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The OpenAPI security requirement, for routes authenticated otherwise than by a user's session
   * (`auth: false`, the handler checks a credential of its own, e.g. `platformCredential`).
   */
  security?: Record<string, string[]>[];
  /** Documented responses: status → description and schema. */
  responses: Record<number, { description: string; schema?: TSchema }>;
  handler: (input: HandlerInput<Static<P>, Static<Q>, Static<B>, Auth extends true ? AuthUser : AuthUser | null>) => Promise<Reply>;
}

// The router stores specs of many shapes; each is only ever called with its own validated input.
type AnySpec = RouteSpec<TSchema, TSchema, TSchema, boolean>;

export class ApiRouter {
  readonly specs: AnySpec[] = [];

  constructor(
    readonly prefix: string,
    private readonly idempotency: Idempotency,
  ) {}

  route<P extends TSchema, Q extends TSchema, B extends TSchema, Auth extends boolean>(spec: RouteSpec<P, Q, B, Auth>): void {
    this.specs.push(spec as unknown as AnySpec);
  }

  /** Builds the Express router for every declared route. */
  build(): Router {
    // One spelling per route: `/a/b/` and `/A/b` are other (unknown) paths, not aliases.
    const router = Router({ caseSensitive: true, strict: true });
    for (const spec of this.specs) {
      const checkParams = spec.params && validator(spec.params, 'params', { singleLine: true });
      const checkQuery = spec.query && validator(spec.query, 'query', { singleLine: true });
      const checkBody = spec.body && validator(spec.body, 'body', { singleLine: true });
      router[spec.method](spec.path, async (req: Request, res: Response) => {
        if (spec.auth && !req.ctx.user) throw sessionProblem(res) ?? new UnauthenticatedError('UNAUTHENTICATED', '请先登录');
        const changeFirst = spec.auth && !spec.beforePasswordChange && passwordChangeProblem(res);
        if (changeFirst) throw changeFirst;
        const input = {
          params: checkParams ? checkParams(req.params) : req.params,
          query: checkQuery ? checkQuery(req.query) : {},
          body: checkBody ? checkBody(req.body) : undefined,
          ctx: req.ctx,
          req,
          res,
        };
        const run = () => spec.handler(input as never);
        const reply = spec.method !== 'get' && spec.idempotent !== false ? await this.idempotency.run(req, run) : await run();
        send(res, reply);
      });
    }
    return router;
  }
}

export function send(res: Response, reply: Reply): void {
  // Binary routes (PDFs, images) stream their own response and return no body.
  if (res.headersSent) return;
  if (reply.body === undefined) res.status(reply.status ?? 204).end();
  else res.status(reply.status ?? 200).json(reply.body);
}
