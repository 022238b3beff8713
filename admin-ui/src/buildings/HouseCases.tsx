/**
 * The house file's 隐患案件: its latest cases, newest first, each with its number, category, severity,
 * status, when it was registered and its rectification deadline in force, opening the case page.
 * The full list is one link away, filtered to this house.
 */
import { Box, ListItemButton, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { CaseStatusChip } from '../cases/CaseStatusChip.tsx';
import { SeverityChip } from '../cases/SeverityChip.tsx';
import { HouseSection } from './HouseSection.tsx';
import type { HouseFileCase } from './types.ts';

/** The house file shows this many; the rest are in the case list. */
const SHOWN = 5;

const casePage = (id: string) => `/cases/${encodeURIComponent(id)}/show`;
const listOfHouse = (code: string) => `/cases?filter=${encodeURIComponent(JSON.stringify({ buildingCode: code }))}`;

function CaseItem({ item }: { item: HouseFileCase }) {
  const translate = useTranslate();
  const deadline = item.deadlineInForce;
  const finished = item.status === 'closed' || item.status === 'cancelled';
  return (
    <ListItemButton
      component={RouterLink}
      to={casePage(item.id)}
      data-case={item.id}
      sx={{ display: 'grid', gap: 0.75, px: 1, py: 1, borderRadius: 1, alignItems: 'start' }}
    >
      <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {item.number}
        </Box>
        {' · '}
        {translate(`resources.cases.enums.category.${item.category}`, { _: item.category })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <SeverityChip severity={item.severity} />
        <CaseStatusChip status={item.status} />
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'flex', columnGap: 1.5, flexWrap: 'wrap' }}>
        <span>
          {translate('resources.cases.houseFile.opened')} <DateTimeText value={item.createdAt} />
        </span>
        {deadline && !finished && (
          <span data-deadline={deadline.date}>
            {translate('resources.cases.houseFile.deadline', {
              date: deadline.byDefault ? translate('resources.cases.deadline.byDefault', { date: deadline.date }) : deadline.date,
            })}
          </span>
        )}
      </Typography>
    </ListItemButton>
  );
}

export function HouseCases({ code, cases }: { code: string | undefined; cases: readonly HouseFileCase[] }) {
  const translate = useTranslate();
  return (
    <HouseSection
      id="related-cases"
      title={translate('resources.buildings.related.cases')}
      empty={translate('resources.cases.houseFile.empty')}
      more={
        code && cases.length > SHOWN
          ? { to: listOfHouse(code), text: translate('resources.cases.houseFile.all', { count: cases.length }) }
          : null
      }
    >
      {cases.slice(0, SHOWN).map((c) => (
        <CaseItem key={c.id} item={c} />
      ))}
    </HouseSection>
  );
}
