/** 登记隐患 on a house file: opens the case form with the house's code filled in. */
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { Button, Link, useCanAccess, useRecordContext } from 'react-admin';
import type { BuildingRecord } from '../buildings/types.ts';

export function RegisterHazardButton() {
  const building = useRecordContext<BuildingRecord>();
  // The case would belong to the house's village: ask about that region, not about the house record
  // (which `useCanAccess` would otherwise take from the page's record context). The answer is cached
  // by record id, so the id is the village's: an answer given before the house loaded is not reused.
  const village = building?.villageCode ?? '';
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'create', record: { id: `village:${village}`, regionCode: village } });
  if (!building || !canAccess) return null;
  return (
    <Button
      component={Link}
      to={`/cases/create?${new URLSearchParams({ buildingCode: building.code }).toString()}`}
      label="resources.cases.actions.register"
    >
      <ReportProblemIcon />
    </Button>
  );
}
