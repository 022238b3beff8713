/**
 * The side menu. Each entry asks the same access question the pages ask (`authProvider.canAccess`,
 * which mirrors the API's CASL rules), so users only see what they may open.
 */
import { CanAccess, Menu, useTranslate } from 'react-admin';
import auditLog from '../audit-log/index.ts';
import regions from '../regions/index.ts';
import users from '../users/index.ts';

export function AppMenu() {
  const translate = useTranslate();
  return (
    <Menu>
      <Menu.DashboardItem />
      <CanAccess action="list" resource="regions">
        <Menu.Item to="/regions" primaryText={translate('resources.regions.menu')} leftIcon={<regions.icon />} />
      </CanAccess>
      <Menu.ResourceItem name="users" primaryText={translate('resources.users.menu')} leftIcon={<users.icon />} />
      <Menu.ResourceItem name="audit-log" primaryText={translate('resources.audit-log.menu')} leftIcon={<auditLog.icon />} />
    </Menu>
  );
}
