/**
 * The house file's five field groups, as the national self-built-house platform groups them:
 * 基本情况, 建设情况, 管理情况, 排查情况, 整治情况.
 */
import { ApprovalsField } from './ApprovalsField.tsx';
import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { FieldSection } from './FieldSection.tsx';
import { JudgementChip } from './JudgementChip.tsx';
import { OwnerReveal } from './OwnerReveal.tsx';
import type { BuildingRecord } from './types.ts';
import { useBuildingFormat } from './useBuildingFormat.ts';
import { usePersonal } from './usePersonal.ts';

export function BuildingSections() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const format = useBuildingFormat();
  const { personal, reveal, busy } = usePersonal(building?.code);
  if (!building) return null;
  const unknown = translate('resources.buildings.values.unknown');
  const yesNo = (field: 'professionallyDesigned' | 'qualifiedBuilder') => format.value(field, building[field], unknown);
  const place = [building.townName, building.villageName ?? building.villageCode].filter(Boolean).join(' · ');
  const coordinates =
    building.longitude !== null && building.latitude !== null ? `${building.longitude}, ${building.latitude}` : format.value('', null);

  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start' }}>
      <FieldSection
        id="group-basic"
        title="resources.buildings.groups.basic"
        items={[
          { field: 'address' },
          { field: 'villageName', value: place },
          { field: 'coordinates', value: coordinates },
          { field: 'ownerName', value: format.value('ownerName', personal ? personal.ownerName : building.ownerName) },
          {
            field: 'ownerPhone',
            value: (
              <>
                {format.value('ownerPhone', personal ? personal.ownerPhone : building.ownerPhone)}
                <OwnerReveal revealed={personal !== null} busy={busy} onReveal={reveal} />
              </>
            ),
          },
          {
            field: 'floors',
            value: translate('resources.buildings.values.floors', { above: building.floorsAbove, below: building.floorsBelow ?? 0 }),
          },
          { field: 'floorArea' },
          { field: 'yearBuilt' },
          { field: 'structureType' },
          { field: 'foundationType' },
          { field: 'externalId' },
        ]}
      />
      <Box sx={{ display: 'grid', gap: 2 }}>
        <FieldSection
          id="group-construction"
          title="resources.buildings.groups.construction"
          items={[
            { field: 'professionallyDesigned', value: yesNo('professionallyDesigned') },
            { field: 'qualifiedBuilder', value: yesNo('qualifiedBuilder') },
            { field: 'alteration' },
            { field: 'alterationYear' },
            { field: 'approvals', value: <ApprovalsField /> },
          ]}
        />
        <FieldSection
          id="group-management"
          title="resources.buildings.groups.management"
          items={[{ field: 'use' }, { field: 'businessCategory' }, { field: 'occupants' }]}
        />
      </Box>
      <FieldSection
        id="group-inspection"
        title="resources.buildings.groups.inspection"
        items={[{ field: 'latestJudgement', value: <JudgementChip /> }, { field: 'latestJudgementAt' }]}
      />
      <FieldSection
        id="group-rectification"
        title="resources.buildings.groups.rectification"
        items={[
          { field: 'rectificationStatus' },
          { field: 'rectificationMeasures' },
          { field: 'appraisalGrade' },
          { field: 'appraisalDate' },
          { field: 'appraisalReport' },
        ]}
      />
    </Box>
  );
}
