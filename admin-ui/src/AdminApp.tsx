/**
 * The react-admin application: providers, layout, resources (hazard cases, house files, inspections,
 * complaints, special inspections, imports, label batches, users, audit log), and the custom pages (task inbox, process
 * definition, region tree, personal settings, the data cockpit, the pivot, the map, the notification centre, data completeness and the platforms' credentials) mounted through `CustomRoutes`
 * inside the layout, and the cockpit's wall screen outside it.
 */
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import apiClients from './api-clients/index.ts';
import appraisals from './appraisals/index.ts';
import auditLog from './audit-log/index.ts';
import { CHANGE_PASSWORD_PATH, authProvider } from './authProvider.ts';
import buildingImports from './building-imports/index.ts';
import buildings from './buildings/index.ts';
import campaigns from './campaigns/index.ts';
import cases from './cases/index.ts';
import cockpit from './cockpit/index.ts';
import complaints from './complaints/index.ts';
import completeness from './completeness/index.ts';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { dataProvider } from './dataProvider/index.ts';
import definitions from './definitions/index.ts';
import { i18nProvider } from './i18nProvider.ts';
import inspections from './inspections/index.ts';
import inspectionSchedule from './inspection-schedule/index.ts';
import labelBatches from './label-batches/index.ts';
import bulletins from './bulletins/index.ts';
import dataReports from './data-reports/index.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { AppName } from './layout/AppName.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { LoginPage } from './login/LoginPage.tsx';
import map from './map/index.ts';
import notifications from './notifications/index.ts';
import profile from './profile/index.ts';
import { queryClient } from './queryClient.ts';
import regions from './regions/index.ts';
import tasks from './tasks/index.ts';
import warnings from './warnings/index.ts';
import { theme } from './theme.ts';
import users from './users/index.ts';

export function AdminApp() {
  return (
    <Admin
      title={<AppName />}
      catchAll={NotFoundPage}
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      queryClient={queryClient}
      theme={theme}
      layout={AppLayout}
      loginPage={LoginPage}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource name="cases" {...cases} />
      <Resource name="buildings" {...buildings} />
      <Resource name="appraisals" {...appraisals} />
      <Resource name="inspections" {...inspections} />
      <Resource name="complaints" {...complaints} />
      <Resource name="campaigns" {...campaigns} />
      <Resource name="building-imports" {...buildingImports} />
      <Resource name="label-batches" {...labelBatches} />
      <Resource name="bulletins" {...bulletins} />
      <Resource name="data-reports" {...dataReports} />
      <Resource name="users" {...users} />
      <Resource name="audit-log" {...auditLog} />
      <CustomRoutes>
        <Route path="/inbox" element={<tasks.page />} />
        <Route path="/inbox/:taskId" element={<tasks.taskPage />} />
        <Route path="/definitions/hazard" element={<definitions.page />} />
        <Route path="/regions" element={<regions.page />} />
        <Route path="/regions/:code" element={<regions.page />} />
        <Route path="/profile" element={<profile.page />} />
        <Route path="/cockpit" element={<cockpit.page />} />
        <Route path="/pivot" element={<cockpit.pivot />} />
        <Route path="/map" element={<map.page />} />
        <Route path="/notifications" element={<notifications.page />} />
        <Route path="/warnings/:id" element={<warnings.page />} />
        <Route path="/inspection-due" element={<inspectionSchedule.list />} />
        <Route path="/completeness" element={<completeness.page />} />
        <Route path="/api-clients" element={<apiClients.page />} />
      </CustomRoutes>
      <CustomRoutes noLayout>
        <Route path={CHANGE_PASSWORD_PATH} element={<profile.firstChange />} />
        <Route path="/wall" element={<cockpit.wall />} />
      </CustomRoutes>
    </Admin>
  );
}
