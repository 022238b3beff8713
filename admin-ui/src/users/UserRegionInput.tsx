/**
 * The user's region, offered at the level the chosen role works at (ROLE_REGION_LEVEL: an inspector
 * a village or community, a town officer a town or street, district roles the district), so the form
 * cannot suggest a region the server would refuse. Without a role yet, any region is offered.
 */
import { required, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ROLE_REGION_LEVEL, isRole } from '../../../domain/roles.ts';
import { RegionInput } from '../common/RegionInput.tsx';

export function UserRegionInput() {
  const translate = useTranslate();
  const role: unknown = useWatch({ name: 'role' });
  const level = isRole(role) ? ROLE_REGION_LEVEL[role] : undefined;
  const helper = level
    ? translate('resources.users.helpers.regionAtLevel', { level: translate(`app.regionLevels.${level}`) })
    : translate('resources.users.helpers.region');
  // Keyed by level: a new role starts a fresh search among the regions of its level.
  return <RegionInput key={level ?? 'any'} source="regionCode" validate={required()} helperText={helper} level={level} fullWidth />;
}
