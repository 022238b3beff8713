/**
 * The Open311 edge: parses the body once (the router's own parsers then skip it) and refuses, in the
 * spec's error shape and naming the field, input no text may hold (control characters, deep nesting),
 * before it can reach PostgreSQL (a NUL byte fails there) or the XML answers of other clients.
 */
import express from 'express';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { inspectInput, isProblem, jsonShapeProblem } from '../http/input-guard.ts';
import { sendErrors } from './format.ts';

const formatOf = (req: Request) => (req.path.toLowerCase().endsWith('.xml') ? 'xml' : 'json');

export function open311Edge(): (RequestHandler | ErrorRequestHandler)[] {
  const guard: RequestHandler = (req, res, next) => {
    for (const [source, value] of [
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      if (value === undefined) continue;
      const found = inspectInput(value, source);
      if (isProblem(found)) return sendErrors(res, formatOf(req), 400, [{ description: found.message }]);
    }
    next();
  };
  const unreadable: ErrorRequestHandler = (error: { status?: number; shape?: string }, req, res, next) => {
    if (typeof error.status === 'number' && error.status < 500)
      return sendErrors(res, formatOf(req), 400, [{ description: error.shape ?? 'body: 无法解析请求内容' }]);
    next(error);
  };
  const json = express.json({
    limit: '64kb',
    verify: (_req, _res, buf) => {
      const problem = jsonShapeProblem(buf);
      if (problem) throw Object.assign(new Error(problem.message), { status: 400, shape: problem.message });
    },
  });
  return [express.urlencoded({ extended: true, limit: '64kb' }), json, guard, unreadable];
}
