/**
 * Where a case came from (来源): the source's name, and for an inspection or a complaint a link to that
 * record (排查记录 / 投诉), so the officer can open what was reported.
 */
import { Link, useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { complaintPage } from '../complaints/types.ts';
import type { CaseDetail } from './types.ts';

export const inspectionPage = (id: string) => `/inspections/${encodeURIComponent(id)}/show`;

export function CaseSourceLink({ record }: { record: CaseDetail }) {
  const translate = useTranslate();
  const name = translate(`resources.cases.enums.source.${record.source}`, { _: record.source });
  const origin = record.discoveries.find((d) => d.origin);
  if (!record.sourceRef || record.source === 'officer') return <>{name}</>;
  const to = record.source === 'inspection' ? inspectionPage(record.sourceRef) : complaintPage(record.sourceRef);
  return (
    <>
      {name}
      {' · '}
      <Link to={to} data-case-source={record.source}>
        {origin?.kind === 'complaint' ? (
          translate('resources.cases.source.complaint', { trackingNo: origin.trackingNo })
        ) : origin ? (
          <>
            {translate('resources.cases.source.inspection')} <DateTimeText value={origin.at} />
          </>
        ) : (
          translate('resources.cases.discovery.open')
        )}
      </Link>
    </>
  );
}
