/** The steps of a definition version: who works each, at which level, the deadlines and reminders. */
import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { StepDefinition } from '../../../definitions/hazard-case/index.ts';

export function StepTable({ steps }: { steps: StepDefinition[] }) {
  const translate = useTranslate();
  const days = (n: number | null) =>
    n === null ? translate('resources.definitions.steps.none') : translate('resources.definitions.steps.days', { n });
  const column = (key: string) => <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`resources.definitions.steps.${key}`)}</TableCell>;
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('resources.definitions.steps.title')}>
        <TableHead>
          <TableRow>
            {column('name')}
            {column('roles')}
            {column('level')}
            {column('serious')}
            {column('general')}
            {column('reminders')}
            {column('outcomes')}
          </TableRow>
        </TableHead>
        <TableBody>
          {steps.map((s) => (
            <TableRow key={s.id}>
              <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                {translate(`resources.tasks.enums.step.${s.id}`, { _: s.name })}
              </TableCell>
              <TableCell>{s.roles.map((r) => translate(`app.roles.${r}`, { _: r })).join('、')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`app.regionLevels.${s.regionLevel}`, { _: s.regionLevel })}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{days(s.deadlineDays.serious)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{days(s.deadlineDays.general)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {s.reminderDaysBefore.length === 0
                  ? translate('resources.definitions.steps.none')
                  : s.reminderDaysBefore.map((n) => days(n)).join('、')}
              </TableCell>
              <TableCell>{s.outcomes.map((o) => translate(`resources.tasks.enums.outcome.${o}`, { _: o })).join('、')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
