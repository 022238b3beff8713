/**
 * The side menu. Each entry asks the same access question the pages ask (`authProvider.canAccess`,
 * which mirrors the API's CASL rules), so users only see what they may open. Imports and label
 * batches are listed for those who may start one. The task inbox comes first for the roles that
 * work case steps, then the home page and, for those who inspect, 扫码 (the label scanner) and
 * 排查地图 (their area's map, to inspect a house whose label is missing); the process definition is
 * for officers, administrators and auditors. 数据驾驶舱, 统计分析 and 一张图 are for whoever reads houses
 * (each sees their own region's figures).
 */
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import { CanAccess, Menu, useGetIdentity, useTranslate } from 'react-admin';
import apiClients from '../api-clients/index.ts';
import auditLog from '../audit-log/index.ts';
import type { AppIdentity } from '../authProvider.ts';
import buildingImports from '../building-imports/index.ts';
import buildings from '../buildings/index.ts';
import campaigns from '../campaigns/index.ts';
import cases from '../cases/index.ts';
import cockpit from '../cockpit/index.ts';
import complaints from '../complaints/index.ts';
import completeness from '../completeness/index.ts';
import definitions, { readsDefinitions } from '../definitions/index.ts';
import inspections from '../inspections/index.ts';
import labelBatches from '../label-batches/index.ts';
import bulletins from '../bulletins/index.ts';
import dataReports from '../data-reports/index.ts';
import map from '../map/index.ts';
import regions from '../regions/index.ts';
import { SCAN_PATH } from './ScanAction.tsx';
import tasks, { hasInbox } from '../tasks/index.ts';
import users from '../users/index.ts';

export function AppMenu() {
  const translate = useTranslate();
  const role = (useGetIdentity().identity as AppIdentity | undefined)?.role;
  return (
    <Menu>
      {hasInbox(role) && <Menu.Item to="/inbox" primaryText={translate('resources.tasks.menu')} leftIcon={<tasks.icon />} />}
      <Menu.DashboardItem />
      <CanAccess action="list" resource="buildings">
        <Menu.Item to="/cockpit" primaryText={translate('resources.stats.cockpit.menu')} leftIcon={<cockpit.icon />} />
        <Menu.Item to="/pivot" primaryText={translate('resources.stats.pivot.menu')} leftIcon={<cockpit.pivotIcon />} />
        <Menu.Item to="/map" primaryText={translate('resources.map.menu')} leftIcon={<map.icon />} />
        <Menu.Item to="/completeness" primaryText={translate('resources.completeness.menu')} leftIcon={<completeness.icon />} />
      </CanAccess>
      <CanAccess action="create" resource="inspections">
        <Menu.Item to={SCAN_PATH} primaryText={translate('resources.work.scan')} leftIcon={<QrCodeScannerIcon />} />
        <Menu.Item to="/m/map" primaryText={translate('resources.map.phoneMenu')} leftIcon={<map.icon />} />
      </CanAccess>
      <Menu.ResourceItem name="cases" primaryText={translate('resources.cases.menu')} leftIcon={<cases.icon />} />
      <Menu.ResourceItem name="buildings" primaryText={translate('resources.buildings.menu')} leftIcon={<buildings.icon />} />
      <Menu.ResourceItem name="inspections" primaryText={translate('resources.inspections.menu')} leftIcon={<inspections.icon />} />
      <Menu.ResourceItem name="complaints" primaryText={translate('resources.complaints.menu')} leftIcon={<complaints.icon />} />
      <Menu.ResourceItem name="campaigns" primaryText={translate('resources.campaigns.menu')} leftIcon={<campaigns.icon />} />
      <CanAccess action="create" resource="building-imports">
        <Menu.Item
          to="/building-imports/create"
          primaryText={translate('resources.building-imports.menu')}
          leftIcon={<buildingImports.icon />}
        />
      </CanAccess>
      <CanAccess action="create" resource="label-batches">
        <Menu.ResourceItem name="label-batches" primaryText={translate('resources.label-batches.menu')} leftIcon={<labelBatches.icon />} />
      </CanAccess>
      <Menu.ResourceItem name="bulletins" primaryText={translate('resources.bulletins.menu')} leftIcon={<bulletins.icon />} />
      <CanAccess action="list" resource="data-reports">
        <Menu.ResourceItem name="data-reports" primaryText={translate('resources.data-reports.menu')} leftIcon={<dataReports.icon />} />
      </CanAccess>
      <CanAccess action="list" resource="regions">
        <Menu.Item to="/regions" primaryText={translate('resources.regions.menu')} leftIcon={<regions.icon />} />
      </CanAccess>
      <Menu.ResourceItem name="users" primaryText={translate('resources.users.menu')} leftIcon={<users.icon />} />
      {readsDefinitions(role) && (
        <Menu.Item to="/definitions/hazard" primaryText={translate('resources.definitions.menu')} leftIcon={<definitions.icon />} />
      )}
      <CanAccess action="list" resource="api-clients">
        <Menu.Item to="/api-clients" primaryText={translate('resources.api-clients.menu')} leftIcon={<apiClients.icon />} />
      </CanAccess>
      <Menu.ResourceItem name="audit-log" primaryText={translate('resources.audit-log.menu')} leftIcon={<auditLog.icon />} />
    </Menu>
  );
}
