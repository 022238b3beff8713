/**
 * The Express application: wiring of middleware, routes and the built UI. Dependencies come in from
 * the caller (main, `npm start`, tests), so the same app runs everywhere.
 */
import type { Client } from '@temporalio/client';
import express from 'express';
import type { Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from '../domain/config.ts';
import type { Db } from '../domain/db.ts';
import type { FileStore } from '../domain/files.ts';
import { DatabaseBuildingStore } from '../domain/buildings/database-store.ts';
import { DatabaseRiskStore } from '../domain/risk/database-store.ts';
import { DatabaseAuditStore } from '../domain/stores/database-audit.ts';
import { DatabaseHealthStore } from '../domain/stores/database-health.ts';
import { DatabaseIdempotencyStore } from '../domain/stores/database-idempotency.ts';
import { DatabaseLoginThrottleStore } from '../domain/stores/database-login-throttles.ts';
import { DatabaseRegionStore } from '../domain/stores/database-regions.ts';
import { DatabaseSessionStore } from '../domain/stores/database-sessions.ts';
import { DatabaseUploadStore } from '../domain/stores/database-uploads.ts';
import { DatabaseUserStore } from '../domain/stores/database-users.ts';
import { InputError } from '../domain/errors.ts';
import { apiNotFound, errorMiddleware } from './http/errors.ts';
import { jsonShapeProblem } from './http/input-guard.ts';
import { Idempotency } from './http/idempotency.ts';
import { openApiDocument } from './http/openapi.ts';
import { requestContext } from './http/request.ts';
import { ApiRouter } from './http/router.ts';
import { sessionMiddleware } from './http/session.ts';
import { serveUi } from './http/static-ui.ts';
import { auditRoutes } from './routes/audit-log.ts';
import { buildingRoutes } from './routes/buildings.ts';
import { buildingImportRoutes } from './routes/building-imports.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { labelBatchRoutes } from './routes/label-batches.ts';
import { DatabaseLabelBatchStore } from '../domain/labels/database-store.ts';
import { DatabaseImportJobStore } from '../domain/imports/database-store.ts';
import { labelRoutes } from './routes/labels.ts';
import { LabelService } from './services/labels.ts';
import { AuditLogService } from './services/audit-log.ts';
import { RegionService } from './services/regions.ts';
import { regionRoutes } from './routes/regions.ts';
import { userRoutes } from './routes/users.ts';
import { caseFileRoutes } from './routes/case-files.ts';
import { caseRoutes } from './routes/cases.ts';
import { inspectionRoutes } from './routes/inspections.ts';
import { complaintRoutes } from './routes/complaints.ts';
import { open311Edge } from './open311/edge.ts';
import { open311Router } from './open311/router.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { CampaignService } from './services/campaigns.ts';
import { DatabaseCampaignStore } from '../domain/campaigns/database-store.ts';
import { CampaignWorkflows } from '../domain/campaigns/workflow-client.ts';
import { ComplaintService } from './services/complaints.ts';
import { Open311Service } from './services/open311.ts';
import { DatabaseComplaintStore } from '../domain/complaints/database-store.ts';
import { ComplaintWorkflows } from '../domain/complaints/workflow-client.ts';
import { InspectionService } from './services/inspections.ts';
import { DatabaseInspectionStore } from '../domain/inspections/database-store.ts';
import { definitionRoutes } from './routes/definitions.ts';
import { RAW_BODY_PATHS, supervisionRoutes } from './routes/supervision.ts';
import { taskRoutes } from './routes/tasks.ts';
import { CaseWorkflows } from '../domain/cases/workflow-client.ts';
import { CaseService } from './services/cases.ts';
import { DatabaseCaseStore } from '../domain/cases/database-store.ts';
import { DatabaseTaskStore } from '../domain/cases/database-task-store.ts';
import { DatabaseProcessStatisticsStore } from '../domain/process-statistics/database-store.ts';
import { DatabaseSupervisionStore } from '../domain/supervision/database-store.ts';
import { DefinitionService } from './services/definitions.ts';
import { SupervisionService } from './services/supervision.ts';
import { TaskContextService } from './services/task-context.ts';
import { TaskService } from './services/tasks.ts';
import { AuthService } from './services/auth.ts';
import { BuildingService } from './services/buildings.ts';
import { UserService } from './services/users.ts';
import { StatsService } from './services/stats.ts';
import { statsRoutes } from './routes/stats.ts';
import { DatabaseStatsStore } from '../domain/statistics/database-store.ts';
import { mapRoutes } from './routes/map.ts';
import { MapService, configuredBasemap } from './services/map.ts';
import { basemapDatum } from '../domain/map/datum.ts';
import { DatabaseMapStore } from '../domain/map/database-store.ts';
import { mapOutlineRoutes } from './routes/map-outlines.ts';
import { MapOutlineService } from './services/map-outlines.ts';
import { DatabaseOutlineStore } from '../domain/map/database-outlines-store.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  temporal: Client;
  files: FileStore;
  /** Folder of the built UI; the default is admin-ui/dist. */
  uiDist?: string;
  version?: string;
}

/** What the app keeps open besides the database pool (the map's listening connection), closed by `closeApp`. */
const CLOSERS = Symbol('closers');

export async function closeApp(app: Express): Promise<void> {
  for (const close of (app as Express & { [CLOSERS]?: (() => Promise<void>)[] })[CLOSERS] ?? []) await close();
}

export function createApp(deps: AppDeps): Express {
  const { config, db, logger } = deps;
  const closers: (() => Promise<void>)[] = [];
  const stores = {
    regions: new DatabaseRegionStore(db),
    users: new DatabaseUserStore(db),
    sessions: new DatabaseSessionStore(db, config.sessionCacheMs),
    audit: new DatabaseAuditStore(db),
    idempotency: new DatabaseIdempotencyStore(db),
    buildings: new DatabaseBuildingStore(db),
    throttles: new DatabaseLoginThrottleStore(db),
  };
  const uploads = new DatabaseUploadStore(db);
  const limits = { perClient: config.loginMaxFailures, perAccount: config.loginAccountMaxFailures, minutes: config.loginLockMinutes };
  const auth = new AuthService({ db, ...stores, limits });
  const userService = new UserService({ db, ...stores });

  const app = express();
  app.disable('x-powered-by');
  // One spelling per route (issue 14): a trailing slash or other case is an unknown path, not an alias.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  app.set('trust proxy', 'loopback');
  app.use(requestContext(logger));
  // A raster basemap by URL (MAP_BASEMAP_TILES) is the one outside origin the browser may fetch from.
  const basemapOrigin =
    config.mapBasemapTiles && !config.mapBasemapPmtiles ? [new URL(config.mapBasemapTiles.replace(/[{}]/g, '')).origin] : [];
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // MUI (emotion) and bpmn-js inject styles at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:', ...basemapOrigin],
          'connect-src': ["'self'", ...basemapOrigin],
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: config.cookieSecure,
    }),
  );
  healthRoutes(app, {
    health: new DatabaseHealthStore(db),
    client: deps.temporal,
    namespace: config.temporalNamespace,
    taskQueue: config.temporalTaskQueue,
  });

  const idempotency = new Idempotency(stores.idempotency, config.clientHashSecret);
  const api = new ApiRouter('/api', idempotency);
  authRoutes(api, { auth, cookieSecure: config.cookieSecure, idleMinutes: config.sessionIdleMinutes });
  userRoutes(api, { service: userService });
  regionRoutes(api, { service: new RegionService(stores) });
  auditRoutes(api, { service: new AuditLogService(stores) });
  buildingRoutes(api, { service: new BuildingService({ db, ...stores, risk: new DatabaseRiskStore(db) }) });
  labelRoutes(api, { service: new LabelService({ db, buildings: stores.buildings, baseUrl: config.baseUrl }), baseUrl: config.baseUrl });
  labelBatchRoutes(api, {
    db,
    batches: new DatabaseLabelBatchStore(db),
    files: deps.files,
    temporal: deps.temporal,
    taskQueue: config.temporalTaskQueue,
  });
  const importDeps = { db, files: deps.files, temporal: deps.temporal, taskQueue: config.temporalTaskQueue };
  buildingImportRoutes(api, { ...importDeps, jobs: new DatabaseImportJobStore(db), idempotency });
  const workflows = new CaseWorkflows(deps.temporal, config);
  const cases = new DatabaseCaseStore(db);
  const tasks = new DatabaseTaskStore(db, config.inboxCountCacheMs);
  const supervision = new DatabaseSupervisionStore(db);
  const caseService = new CaseService({
    db,
    config,
    cases,
    supervision,
    buildings: stores.buildings,
    users: stores.users,
    audit: stores.audit,
    workflows,
  });
  caseRoutes(api, { service: caseService });
  caseFileRoutes(api, { uploads, files: deps.files, service: caseService, idempotency });
  const taskService = new TaskService({ cases, tasks, workflows, caseService });
  taskRoutes(api, { service: taskService, context: new TaskContextService({ cases, tasks, service: caseService, work: taskService }) });
  const inspections = new DatabaseInspectionStore(db);
  const campaignWorkflows = new CampaignWorkflows(deps.temporal, config);
  const campaigns = new DatabaseCampaignStore(db);
  inspectionRoutes(api, {
    uploads,
    files: deps.files,
    service: new InspectionService({
      db,
      inspections,
      buildings: stores.buildings,
      cases,
      caseService,
      audit: stores.audit,
      campaigns,
      campaignWorkflows,
    }),
  });
  const complaints = new DatabaseComplaintStore(db);
  const complaintService = new ComplaintService({
    db,
    config,
    complaints,
    buildings: stores.buildings,
    audit: stores.audit,
    workflows: new ComplaintWorkflows(deps.temporal, config),
  });
  complaintRoutes(api, { uploads, files: deps.files, service: complaintService, idempotency });
  campaignRoutes(api, {
    service: new CampaignService({
      db,
      campaigns,
      workflows: campaignWorkflows,
      audit: stores.audit,
      regionExists: (code) => stores.regions.exists(code),
    }),
  });
  definitionRoutes(api, { service: new DefinitionService({ statistics: new DatabaseProcessStatisticsStore(db) }) });
  supervisionRoutes(api, { config, service: new SupervisionService({ db, supervision, workflows }) });
  statsRoutes(api, { service: new StatsService({ stats: new DatabaseStatsStore(db), regions: stores.regions, tasks, campaigns }) });
  const mapStore = new DatabaseMapStore(db, basemapDatum(config.mapBasemapCoordinates));
  closers.push(() => mapStore.close());
  mapRoutes(api, {
    basemapFile: config.mapBasemapPmtiles,
    service: new MapService({
      map: mapStore,
      campaigns,
      basemap: configuredBasemap(config),
      datum: basemapDatum(config.mapBasemapCoordinates),
    }),
  });
  mapOutlineRoutes(api, {
    service: new MapOutlineService({
      outlines: new DatabaseOutlineStore(db),
      regions: stores.regions,
      datum: basemapDatum(config.mapBasemapCoordinates),
    }),
  });

  const openapi = openApiDocument(api, { version: deps.version ?? '0.1.0', serverUrl: config.baseUrl });
  const apiApp = express.Router({ caseSensitive: true, strict: true });
  apiApp.use(
    express.json({
      limit: config.bodyLimit,
      // Signed requests are verified over the exact bytes received.
      verify: (req, _res, buf) => {
        const problem = jsonShapeProblem(buf);
        if (problem) throw new InputError('INVALID_INPUT', problem.message, [problem]);
        if (RAW_BODY_PATHS.includes((req as { path?: string }).path ?? '')) (req as { rawBody?: Buffer }).rawBody = buf;
      },
    }),
  );
  apiApp.use(sessionMiddleware({ sessions: stores.sessions, idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours }));
  apiApp.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  apiApp.use(api.build());
  apiApp.use(apiNotFound);
  app.use('/api', (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', apiApp);
  app.use(
    '/open311/v2',
    ...open311Edge(),
    open311Router({
      config,
      service: complaintService,
      open311: new Open311Service({ complaints, regions: stores.regions }),
    }),
  );

  if (!serveUi(app, deps.uiDist)) {
    app.get('/', (_req, res) => {
      res.type('text/plain; charset=utf-8').send('管理界面尚未构建：运行 npm run build:ui（npm start 会自动构建）。API 位于 /api。');
    });
  }
  app.use(errorMiddleware);
  Object.assign(app, { [CLOSERS]: closers });
  return app;
}
