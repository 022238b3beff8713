/**
 * The appraisal reports (鉴定记录) of the reader's area, newest first, filterable by the agency check
 * (机构存疑: not on the district's list, or the number does not match) and by grade; each row links to
 * its house file. Reached from a house's appraisal section.
 */
import { Chip } from '@mui/material';
import { DataTable, List, NullableBooleanInput, SelectInput, useTranslate } from 'react-admin';
import { APPRAISAL_GRADE } from '../../../domain/buildings/enums.ts';
import type { Appraisal } from '../buildings/houseFileTypes.ts';

const filters = [
  <NullableBooleanInput key="flagged" source="flagged" label="resources.houseFile.appraisals.flagged" alwaysOn />,
  <SelectInput
    key="grade"
    source="grade"
    label="resources.houseFile.appraisals.fields.grade"
    choices={APPRAISAL_GRADE.values.map((g) => ({ id: g, name: `resources.buildings.enums.appraisalGrade.${g}` }))}
    alwaysOn
  />,
];

function Check({ record }: { record: Appraisal }) {
  const translate = useTranslate();
  if (record.agencyCheck === 'listed') return null;
  return <Chip size="small" color="warning" label={translate(`resources.houseFile.appraisals.agencyCheck.${record.agencyCheck}`)} />;
}

export function AppraisalList() {
  const translate = useTranslate();
  const label = (f: string) => translate(`resources.houseFile.appraisals.fields.${f}`);
  return (
    <List
      filters={filters}
      sort={{ field: 'appraisedOn', order: 'DESC' }}
      title={translate('resources.houseFile.appraisals.title')}
      exporter={false}
      sx={{ minWidth: 0, '& .RaList-main': { minWidth: 0 }, '& .RaDataTable-tableWrapper': { overflowX: 'auto' } }}
    >
      <DataTable<Appraisal> bulkActionButtons={false} rowClick={(_id, _resource, record) => `/buildings/${record.buildingCode}/show`}>
        <DataTable.Col source="appraisedOn" label={label('appraisedOn')} />
        <DataTable.Col source="address" label="resources.buildings.fields.address" disableSort />
        <DataTable.Col source="grade" label={label('grade')} />
        <DataTable.Col source="agencyName" label={label('agencyName')} disableSort />
        <DataTable.Col source="agencyQualificationNo" label={label('agencyQualificationNo')} disableSort />
        <DataTable.Col source="reportNo" label={label('reportNo')} disableSort />
        <DataTable.Col
          source="agencyCheck"
          label={translate('resources.houseFile.appraisals.flagged')}
          disableSort
          render={(r: Appraisal) => <Check record={r} />}
        />
      </DataTable>
    </List>
  );
}
