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
import { DatabaseAppraisalStore } from '../domain/house-file/database-appraisal-store.ts';
import { DatabaseTimelineStore } from '../domain/house-file/database-timeline-store.ts';
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
import { houseFileRoutes } from './routes/house-file.ts';
import { buildingImportRoutes } from './routes/building-imports.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { labelBatchRoutes } from './routes/label-batches.ts';
import { bulletinRoutes } from './routes/bulletins.ts';
import { BulletinService } from './services/bulletins.ts';
import { DatabaseBulletinStore } from '../domain/bulletins/database-store.ts';
import { dataReportRoutes } from './routes/data-reports.ts';
import { DataReportService } from './services/data-reports.ts';
import { DatabaseDataReportStore } from '../domain/reports/database-store.ts';
import { DatabaseLabelBatchStore } from '../domain/labels/database-store.ts';
import { DatabaseImportJobStore } from '../domain/imports/database-store.ts';
import { labelRoutes } from './routes/labels.ts';
import { LabelBatchService } from './services/label-batches.ts';
import { ImportService } from './services/imports.ts';
import { HealthService } from './services/health.ts';
import { UploadService } from './services/uploads.ts';
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
import { warningRoutes } from './routes/warnings.ts';
import { completenessRoutes } from './routes/completeness.ts';
import { apiClientRoutes } from './routes/api-clients.ts';
import { platformRoutes } from './routes/platform.ts';
import { ApiClientService } from './services/api-clients.ts';
import { DatabaseApiClientStore } from '../domain/api-clients/database-store.ts';
import { CompletenessService } from './services/completeness.ts';
import { DatabaseCompletenessStore } from '../domain/completeness/database-store.ts';
import { WarningService } from './services/warnings.ts';
import { DatabaseWarningStore } from '../domain/warnings/database-store.ts';
import { WarningWorkflows } from '../domain/warnings/workflow-client.ts';
import { ComplaintService } from './services/complaints.ts';
import { Open311Service } from './services/open311.ts';
import { DatabaseComplaintStore } from '../domain/complaints/database-store.ts';
import { ComplaintWorkflows } from '../domain/complaints/workflow-client.ts';
import { InspectionService } from './services/inspections.ts';
import { InspectionScheduleService } from './services/inspection-schedule.ts';
import { inspectionScheduleRoutes } from './routes/inspection-schedule.ts';
import { DatabaseInspectionStore } from '../domain/inspections/database-store.ts';
import { DatabaseInspectionDueStore } from '../domain/inspection-schedule/database-store.ts';
import { definitionRoutes } from './routes/definitions.ts';
import { RAW_BODY_PATHS, supervisionRoutes } from './routes/supervision.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { SMS_RAW_BODY_PATHS, smsRoutes } from './routes/sms.ts';
import { NotificationService } from './services/notifications.ts';
import { SmsService } from './services/sms.ts';
import { DatabaseNotificationStore } from '../domain/notifications/database-store.ts';
import { DatabaseSmsStore } from '../domain/sms/database-store.ts';
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
import { AppraisalService } from './services/appraisals.ts';
import { HouseTimelineService } from './services/house-timeline.ts';
import { UserService } from './services/users.ts';
import { StatsService } from './services/stats.ts';
import { statsRoutes } from './routes/stats.ts';
import { DatabaseStatsStore } from '../domain/statistics/database-store.ts';
import { mapRoutes } from './routes/map.ts';
import { MapService, configuredBasemap } from './services/map.ts';
import { basemapDatum } from '../domain/map/datum.ts';
import { DatabaseMapStore } from '../domain/map/database-store.ts';
import { DatabaseDueHouseStore } from '../domain/map/database-due-houses.ts';
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
    idempotency: new DatabaseIdempotencyStore(db, config.idempotencyClaimSeconds),
    buildings: new DatabaseBuildingStore(db),
    throttles: new DatabaseLoginThrottleStore(db),
  };
  const uploads = new UploadService({ uploads: new DatabaseUploadStore(db), files: deps.files });
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
    service: new HealthService({
      health: new DatabaseHealthStore(db),
      client: deps.temporal,
      namespace: config.temporalNamespace,
      taskQueue: config.temporalTaskQueue,
    }),
  });

  const idempotency = new Idempotency(stores.idempotency, config.clientHashSecret);
  const api = new ApiRouter('/api', idempotency);
  authRoutes(api, { auth, cookieSecure: config.cookieSecure, idleMinutes: config.sessionIdleMinutes });
  userRoutes(api, { service: userService });
  regionRoutes(api, { service: new RegionService(stores) });
  auditRoutes(api, { service: new AuditLogService(stores) });
  const appraisals = new DatabaseAppraisalStore(db);
  buildingRoutes(api, { service: new BuildingService({ db, ...stores, risk: new DatabaseRiskStore(db), scans: appraisals }) });
  houseFileRoutes(api, {
    appraisals: new AppraisalService({
      db,
      appraisals: new DatabaseAppraisalStore(db),
      buildings: stores.buildings,
      audit: stores.audit,
      uploads,
    }),
    timeline: new HouseTimelineService({ timeline: new DatabaseTimelineStore(db) }),
  });
  labelRoutes(api, { service: new LabelService({ db, buildings: stores.buildings, baseUrl: config.baseUrl }), baseUrl: config.baseUrl });
  const backgroundJobs = { files: deps.files, temporal: deps.temporal, taskQueue: config.temporalTaskQueue };
  labelBatchRoutes(api, {
    service: new LabelBatchService({
      db,
      batches: new DatabaseLabelBatchStore(db),
      regions: stores.regions,
      audit: stores.audit,
      ...backgroundJobs,
    }),
  });
  dataReportRoutes(api, {
    service: new DataReportService({
      db,
      reports: new DatabaseDataReportStore(db),
      regions: stores.regions,
      audit: stores.audit,
      ...backgroundJobs,
    }),
  });
  buildingImportRoutes(api, {
    service: new ImportService({ db, jobs: new DatabaseImportJobStore(db), audit: stores.audit, ...backgroundJobs }),
    idempotency,
  });
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
    uploads,
  });
  caseRoutes(api, { service: caseService });
  caseFileRoutes(api, { service: caseService, uploads, idempotency });
  const taskService = new TaskService({ cases, tasks, workflows, caseService });
  taskRoutes(api, { service: taskService, context: new TaskContextService({ cases, tasks, service: caseService, work: taskService }) });
  const inspections = new DatabaseInspectionStore(db);
  const campaignWorkflows = new CampaignWorkflows(deps.temporal, config);
  const campaigns = new DatabaseCampaignStore(db);
  const inspectionDue = new DatabaseInspectionDueStore(db);
  inspectionRoutes(api, {
    uploads,
    service: new InspectionService({
      db,
      inspections,
      buildings: stores.buildings,
      cases,
      caseService,
      audit: stores.audit,
      campaigns,
      campaignWorkflows,
      uploads,
      inspectionDue,
      daySeconds: config.caseDaySeconds,
    }),
  });
  inspectionScheduleRoutes(api, { service: new InspectionScheduleService({ inspectionDue, daySeconds: config.caseDaySeconds }) });
  const complaints = new DatabaseComplaintStore(db);
  const complaintService = new ComplaintService({
    db,
    config,
    complaints,
    buildings: stores.buildings,
    audit: stores.audit,
    workflows: new ComplaintWorkflows(deps.temporal, config),
    notifications: new DatabaseNotificationStore(db),
    uploads,
  });
  complaintRoutes(api, { service: complaintService, uploads, idempotency });
  campaignRoutes(api, {
    service: new CampaignService({
      db,
      campaigns,
      workflows: campaignWorkflows,
      audit: stores.audit,
      regionExists: (code) => stores.regions.exists(code),
    }),
  });
  warningRoutes(api, {
    service: new WarningService({
      warnings: new DatabaseWarningStore(db),
      workflows: new WarningWorkflows(deps.temporal, config),
      audit: stores.audit,
    }),
  });
  definitionRoutes(api, { service: new DefinitionService({ statistics: new DatabaseProcessStatisticsStore(db) }) });
  supervisionRoutes(api, { config, service: new SupervisionService({ db, supervision, workflows }) });
  notificationRoutes(api, { service: new NotificationService({ notifications: new DatabaseNotificationStore(db) }) });
  smsRoutes(api, { config, service: new SmsService({ sms: new DatabaseSmsStore(db), cases }) });
  statsRoutes(api, { service: new StatsService({ stats: new DatabaseStatsStore(db), regions: stores.regions, tasks, campaigns }) });
  bulletinRoutes(api, {
    service: new BulletinService({
      bulletins: new DatabaseBulletinStore(db),
      regions: stores.regions,
      audit: stores.audit,
      ...backgroundJobs,
    }),
  });
  completenessRoutes(api, {
    service: new CompletenessService({
      completeness: new DatabaseCompletenessStore(db),
      regions: stores.regions,
      buildings: stores.buildings,
      audit: stores.audit,
    }),
  });
  const apiClients = new ApiClientService({ clients: new DatabaseApiClientStore(db), regions: stores.regions, audit: stores.audit });
  apiClientRoutes(api, { service: apiClients });
  platformRoutes(api, { service: apiClients });
  const mapStore = new DatabaseMapStore(db, basemapDatum(config.mapBasemapCoordinates));
  closers.push(() => mapStore.close());
  mapRoutes(api, {
    basemapFile: config.mapBasemapPmtiles,
    service: new MapService({
      map: mapStore,
      dueHouses: new DatabaseDueHouseStore(db),
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
      version: () => mapStore.version(),
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
        if ([...RAW_BODY_PATHS, ...SMS_RAW_BODY_PATHS].includes((req as { path?: string }).path ?? ''))
          (req as { rawBody?: Buffer }).rawBody = buf;
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
