/** All activities, built from their dependencies; the worker is the only place that wires real ones. */
import type { Client } from '@temporalio/client';
import { DatabaseCaseStore } from '../../domain/cases/database-store.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import type { FileStore } from '../../domain/files.ts';
import type { SupervisionClient } from '../../domain/supervision/client.ts';
import { DatabaseSupervisionStore } from '../../domain/supervision/database-store.ts';
import { DatabaseCaseFacts } from '../../domain/notifications/database-case-facts.ts';
import { CaseNotifier } from '../../domain/notifications/case-notices.ts';
import { DatabaseNotificationStore } from '../../domain/notifications/database-store.ts';
import type { SmsProvider } from '../../domain/sms/client.ts';
import { DatabaseSmsStore } from '../../domain/sms/database-store.ts';
import { quietHoursOf, smsReceiptUrl, startSmsDeliveries } from '../../domain/sms/delivery.ts';
import { createSmsActivities } from './sms.ts';
import { createNotificationActivities } from './notifications.ts';
import { createSweepActivities } from './sweep.ts';
import { createAnchorActivities } from './anchors.ts';
import { createBulletinActivities } from './bulletins.ts';
import { createCaseActivities } from './cases.ts';
import { createComplaintActivities } from './complaints.ts';
import { createCampaignActivities } from './campaigns.ts';
import { createHousekeepingActivities } from './housekeeping.ts';
import { createImportActivities } from './imports.ts';
import { createInspectionScheduleActivities } from './inspection-schedule.ts';
import { createLabelActivities } from './labels.ts';
import { createDataReportActivities } from './reports.ts';
import { createRiskActivities } from './risk.ts';
import { createStatisticsActivities } from './statistics.ts';
import { createWarningActivities } from './warnings.ts';

export interface ActivityDeps {
  db: Db;
  files: FileStore;
  config: Config;
  sessionIdleMinutes: number;
  supervision: SupervisionClient;
  sms: SmsProvider;
  /** The client activities start and message workflows with (the worker's own connection). */
  temporal: Client;
}

export function createActivities(deps: ActivityDeps) {
  const notifications = new DatabaseNotificationStore(deps.db);
  const sms = new DatabaseSmsStore(deps.db);
  const notifier = new CaseNotifier({
    facts: new DatabaseCaseFacts(deps.db),
    notifications,
    sms,
    quietHours: quietHoursOf(deps.config),
    deliver: (messages) => startSmsDeliveries(deps.temporal, deps.config.temporalTaskQueue, messages),
  });
  return {
    ...createHousekeepingActivities(deps),
    ...createLabelActivities({ ...deps, baseUrl: deps.config.baseUrl }),
    ...createImportActivities(deps),
    ...createDataReportActivities(deps),
    ...createCaseActivities({
      ...deps,
      cases: new DatabaseCaseStore(deps.db),
      supervisionStore: new DatabaseSupervisionStore(deps.db),
      notifier,
    }),
    ...createSmsActivities({ sms, provider: deps.sms, receiptUrl: smsReceiptUrl(deps.config) }),
    ...createNotificationActivities({ notifications }),
    ...createSweepActivities(deps),
    ...createComplaintActivities(deps),
    ...createCampaignActivities(deps),
    ...createAnchorActivities(deps),
    ...createRiskActivities(deps),
    ...createStatisticsActivities(deps),
    ...createWarningActivities(deps),
    ...createInspectionScheduleActivities(deps),
    ...createBulletinActivities(deps),
  };
}
