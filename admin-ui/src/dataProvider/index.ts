/**
 * The admin's one way to the API, as react-admin's CRM example has it: react-admin's CRUD on the
 * API's list convention, plus a typed method per call that is not CRUD (tasks, cases, complaints,
 * special inspections, warnings, process definitions, statistics, the map, houses and imports, accounts, notifications). Components reach it with
 * `useDataProvider<AppDataProvider>()`, so a 401 from any call reaches `authProvider.checkError`
 * and signs the user out; `useApiQuery` and `useCaseAction` hand it to their callbacks and deal with
 * errors themselves. A region's detail is plain `getOne('regions', { id: code })`.
 */
import type { DataProvider } from 'react-admin';
import { accountCalls } from './accounts.ts';
import type { AccountCalls } from './accounts.ts';
import { buildingCalls } from './buildings.ts';
import type { BuildingCalls } from './buildings.ts';
import { campaignCalls } from './campaigns.ts';
import type { CampaignCalls } from './campaigns.ts';
import { caseCalls } from './cases.ts';
import type { CaseCalls } from './cases.ts';
import { complaintCalls } from './complaints.ts';
import type { ComplaintCalls } from './complaints.ts';
import { crud } from './crud.ts';
import { houseFileCalls } from './houseFile.ts';
import type { HouseFileCalls } from './houseFile.ts';
import { definitionCalls } from './definitions.ts';
import type { DefinitionCalls } from './definitions.ts';
import { inspectionDueCalls } from './inspectionDue.ts';
import type { InspectionDueCalls } from './inspectionDue.ts';
import { mapCalls } from './map.ts';
import type { MapCalls } from './map.ts';
import { notificationCalls } from './notifications.ts';
import type { NotificationCalls } from './notifications.ts';
import { statsCalls } from './stats.ts';
import type { StatsCalls } from './stats.ts';
import { taskCalls } from './tasks.ts';
import type { TaskCalls } from './tasks.ts';
import { warningCalls } from './warnings.ts';
import { dataCentreCalls } from './dataCentre.ts';
import type { DataCentreCalls } from './dataCentre.ts';
import type { WarningCalls } from './warnings.ts';

export type { Page } from './request.ts';

/** Every call the admin makes, CRUD or not. */
export type AppDataProvider = DataProvider &
  AccountCalls &
  BuildingCalls &
  CampaignCalls &
  CaseCalls &
  DataCentreCalls &
  ComplaintCalls &
  DefinitionCalls &
  HouseFileCalls &
  InspectionDueCalls &
  MapCalls &
  NotificationCalls &
  StatsCalls &
  TaskCalls &
  WarningCalls;

export const dataProvider: AppDataProvider = {
  ...crud,
  ...accountCalls,
  ...buildingCalls,
  ...campaignCalls,
  ...caseCalls,
  ...dataCentreCalls,
  ...complaintCalls,
  ...definitionCalls,
  ...houseFileCalls,
  ...inspectionDueCalls,
  ...mapCalls,
  ...notificationCalls,
  ...statsCalls,
  ...taskCalls,
  ...warningCalls,
};
