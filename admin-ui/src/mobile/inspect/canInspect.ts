/**
 * Who may start a daily inspection of a house from the phone: the inspector of its village and the
 * town and district officers above it (the API's `Inspection` rules; the API stays the judge).
 */
import { isWithinRegion } from '../../../../domain/regions.ts';
import type { Role } from '../../../../domain/roles.ts';

const INSPECTING_ROLES: readonly Role[] = ['inspector', 'town_officer', 'district_officer', 'district_admin'];

export function canInspect(viewer: { role: Role; regionCode: string } | null, buildingCode: string): boolean {
  return viewer !== null && INSPECTING_ROLES.includes(viewer.role) && isWithinRegion(buildingCode, viewer.regionCode);
}
