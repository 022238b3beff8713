/** All activities, built from their dependencies; the worker is the only place that wires real ones. */
import type { Client } from '@temporalio/client';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import type { SupervisionClient } from '../../domain/supervision/client.ts';
import { DatabaseSupervisionStore } from '../../domain/supervision/database-store.ts';
import { createSweepActivities } from './sweep.ts';
import { createAnchorActivities } from './anchors.ts';
import { createCaseActivities } from './cases.ts';
import { createComplaintActivities } from './complaints.ts';
import { createCampaignActivities } from './campaigns.ts';
import { createHousekeepingActivities } from './housekeeping.ts';
import { createImportActivities } from './imports.ts';
import { createLabelActivities } from './labels.ts';
import { createRiskActivities } from './risk.ts';
import { createStatisticsActivities } from './statistics.ts';

export interface ActivityDeps {
  db: Db;
  files: FileStore;
  config: Config;
  sessionIdleMinutes: number;
  supervision: SupervisionClient;
  /** The client activities start and message workflows with (the worker's own connection). */
  temporal: Client;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createHousekeepingActivities(deps),
    ...createLabelActivities({ ...deps, baseUrl: deps.config.baseUrl }),
    ...createImportActivities(deps),
    ...createCaseActivities({ ...deps, cases: new DatabaseCaseStore(deps.db), supervisionStore: new DatabaseSupervisionStore(deps.db) }),
    ...createSweepActivities(deps),
    ...createComplaintActivities(deps),
    ...createCampaignActivities(deps),
    ...createAnchorActivities(deps),
    ...createRiskActivities(deps),
    ...createStatisticsActivities(deps),
  };
}
