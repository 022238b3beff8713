/**
 * The first middleware: a request id (the client's X-Request-Id when sane, else a new one), a child
 * logger carrying it (the session adds the user's id to it), and one access-log line per request when
 * it finishes. Query strings are not logged (they may hold names being searched).
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { createAppAbility } from '../../domain/abilities.ts';

const REQUEST_ID = /^[\w.:-]{8,100}$/;
const NO_ABILITY = createAppAbility([]);

export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.get('X-Request-Id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    req.ctx = {
      requestId,
      log: logger.child({ requestId }),
      ip: req.ip ?? null,
      userAgent: req.get('User-Agent')?.slice(0, 300) ?? null,
      user: null,
      session: null,
      via: null,
      ability: NO_ABILITY,
    };
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      req.ctx.log.info(
        {
          method: req.method,
          path: req.baseUrl + req.path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}
