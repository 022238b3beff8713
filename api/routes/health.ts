/**
 * `/healthz`: the process is alive. `/readyz`: PostgreSQL and Temporal answer and a worker polls the
 * task queue (`HealthService`); the body says which is not.
 */
import type { Express } from 'express';
import type { HealthService } from '../services/health.ts';

export function healthRoutes(app: Express, deps: { service: HealthService }): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await deps.service.readiness();
    const ok = Object.values(checks).every((c) => c.ok);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', checks });
  });
}
