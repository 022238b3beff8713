/**
 * The one error middleware: maps the domain's error vocabulary and the body parser's errors to the
 * one JSON error shape. Only server failures (5xx) are logged, and no stack ever reaches a client.
 */
import type { NextFunction, Request, Response } from 'express';
import { AppError, InputError, NotFoundError, TooLargeError } from '../../domain/errors.ts';
import { RETRY_AFTER_SECONDS, unavailableDependency } from './unavailable.ts';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    details?: unknown[];
    requestId: string;
  };
}

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.details.length ? { details: error.details } : {}),
      requestId,
    },
  };
}

/** Errors thrown by express.json() carry a `type`. */
function fromBodyParser(error: unknown): AppError | undefined {
  const type = (error as { type?: string }).type;
  switch (type) {
    case 'entity.parse.failed':
      return InputError.field('body', 'json', '请求体不是有效的 JSON');
    case 'entity.too.large':
      return new TooLargeError('BODY_TOO_LARGE', '请求体过大', [{ field: 'body', reason: 'tooLarge', message: '请求体过大' }]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return InputError.field('body', 'charset', '请求体编码不受支持，请使用 UTF-8');
    default:
      return fromHttpError(error);
  }
}

/**
 * Other 4xx errors of Express's own parts (a path parameter that is not valid percent-encoding, a
 * static file path that climbs out of its folder): the client's fault, never a 500.
 */
function fromHttpError(error: unknown): AppError | undefined {
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 404) return new NotFoundError('资源不存在');
  return InputError.field('path', 'invalid', '请求的路径或内容无效');
}

export function errorMiddleware(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const known = error instanceof AppError ? error : fromBodyParser(error);
  const requestId = req.ctx?.requestId ?? 'unknown';
  if (known) {
    res.status(known.status).json(errorBody(known, requestId));
    return;
  }
  const unavailable = unavailableDependency(error);
  if (unavailable && !res.headersSent) {
    req.ctx?.log.warn({ err: error }, 'request failed: a dependency is unavailable');
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(unavailable.status).json(errorBody(unavailable, requestId));
    return;
  }
  req.ctx?.log.error({ err: error }, 'request failed');
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(500).json({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', requestId } });
}

/** 404 for an unknown `/api` path, in the same shape. */
export function apiNotFound(req: Request, res: Response): void {
  const error = new NotFoundError(`接口不存在：${req.method} ${req.path}`, 'ROUTE_NOT_FOUND');
  res.status(404).json(errorBody(error, req.ctx.requestId));
}
