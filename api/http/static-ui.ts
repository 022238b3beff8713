/**
 * Serves the built admin UI (admin-ui/dist) with an SPA fallback: any GET that is not an API path and
 * asks for HTML gets index.html, so deep links like /users/… and /m/b/… work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Express } from 'express';

export const UI_DIST = fileURLToPath(new URL('../../admin-ui/dist', import.meta.url));

const NOT_UI = /^\/(api|open311|healthz|readyz)(\/|$)/;

export function serveUi(app: Express, dist = UI_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return false;
  // Hashed assets never change; index.html must always be fetched fresh.
  app.use('/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/.*/, (req, res, next) => {
    if (NOT_UI.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
