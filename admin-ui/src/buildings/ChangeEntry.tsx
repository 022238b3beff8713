/** One entry of the change history: when, who, how (edit, import …), and each field's before → after. */
import { Box, Typography } from '@mui/material';
import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import { Link, useTranslate } from 'react-admin';
import { maskName, maskPhone } from '../../../domain/mask.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';
import type { BuildingChangeEntry } from './types.ts';
import { useBuildingFormat } from './useBuildingFormat.ts';

/** Owner details stay masked in the history, whoever looks; the full values are behind the audited view. */
function shown(field: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (field === 'ownerName') return maskName(value);
  if (field === 'ownerPhone') return maskPhone(value);
  return value;
}

/** The pages of the records a change may come from (`inspection:<id>`, `case:<id>`, `complaint:<id>`). */
const SOURCE_PAGES: Record<string, string> = { inspection: 'inspections', case: 'cases', complaint: 'complaints' };

/**
 * How the change came about. A source may name the record behind it: the kind is translated, and the
 * inspection, case or complaint links to its page.
 */
function ChangeSource({ source }: { source: string }) {
  const translate = useTranslate();
  const colon = source.indexOf(':');
  const kind = colon < 0 ? source : source.slice(0, colon);
  const ref = colon < 0 ? '' : source.slice(colon + 1);
  const label = translate(`resources.buildings.history.sources.${kind}`, { _: kind });
  const page = SOURCE_PAGES[kind];
  if (page && ref) return <Link to={`/${page}/${encodeURIComponent(ref)}/show`}>{label}</Link>;
  return <>{label}</>;
}

export function ChangeEntry({ entry }: { entry: BuildingChangeEntry }) {
  const translate = useTranslate();
  const format = useBuildingFormat();
  const fields = Object.entries(entry.changes ?? {});
  const empty = translate('resources.buildings.values.empty');
  return (
    <Box component="li" sx={{ position: 'relative', pl: 3, pb: 2, listStyle: 'none' }}>
      <Box
        aria-hidden
        sx={{ position: 'absolute', left: 4, top: 6, width: 10, height: 10, borderRadius: '50%', bgcolor: 'primary.main' }}
      />
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        <DateTimeText value={entry.at} />
        {' · '}
        {entry.actorName ?? '—'}
        {' · '}
        <ChangeSource source={entry.source} />
      </Typography>
      {fields.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.buildings.history.created')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {fields.map(([field, { before, after }]) => (
            <Typography component="li" variant="body2" key={field} sx={{ overflowWrap: 'anywhere' }}>
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {format.label(field)}：
              </Box>
              <Box component="span" sx={{ textDecoration: before == null ? 'none' : 'line-through', color: 'text.secondary' }}>
                {format.value(field, shown(field, before), empty)}
              </Box>
              <ArrowRightAltIcon fontSize="small" sx={{ verticalAlign: 'middle', mx: 0.5 }} aria-label="→" />
              <span>{format.value(field, shown(field, after), empty)}</span>
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
