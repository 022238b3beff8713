/**
 * The house's inspections, complaints and hazard cases, newest first, each opening its own page; the
 * full lists are one link away, filtered to the house.
 */
import { useRecordContext } from 'react-admin';
import { HouseCases } from './HouseCases.tsx';
import { HouseComplaints } from './HouseComplaints.tsx';
import { HouseInspections } from './HouseInspections.tsx';
import type { BuildingRecord } from './types.ts';
import { useHouseFile } from './useHouseFile.ts';

export function RelatedRecords() {
  const building = useRecordContext<BuildingRecord>();
  const file = useHouseFile(building?.code);
  return (
    <>
      <HouseCases code={building?.code} cases={file.data?.cases ?? []} />
      <HouseInspections code={building?.code} inspections={file.data?.inspections ?? []} />
      <HouseComplaints code={building?.code} />
    </>
  );
}
