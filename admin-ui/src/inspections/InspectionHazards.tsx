/**
 * The hazards the inspector found, each with the case it led to: a new case, or the open case of the
 * same house and category that it joined (a hazard already being handled is not opened twice).
 */
import { Fragment } from 'react';
import { Box, Card, CardContent, Chip, Divider, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { casePage } from './CaseLinks.tsx';
import type { InspectionHazard } from './types.ts';

function Hazard({ hazard }: { hazard: InspectionHazard }) {
  const translate = useTranslate();
  return (
    <Box component="li" data-hazard={hazard.category} sx={{ py: 1.5 }}>
      <Typography variant="subtitle2" component="h3">
        {translate(`resources.cases.enums.category.${hazard.category}`, { _: hazard.category })}
      </Typography>
      {hazard.description && (
        <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {hazard.description}
        </Typography>
      )}
      {hazard.caseId && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
          <Chip
            size="small"
            color={hazard.joined ? 'default' : 'primary'}
            variant="outlined"
            label={translate(`resources.inspections.hazard.${hazard.joined ? 'joined' : 'opened'}`)}
          />
          <Link to={casePage(hazard.caseId)} variant="body2" sx={{ fontFamily: 'monospace' }}>
            {hazard.caseNumber ?? hazard.caseId}
          </Link>
        </Box>
      )}
    </Box>
  );
}

export function InspectionHazards({ hazards }: { hazards: readonly InspectionHazard[] }) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="inspection-hazards">
      <CardContent sx={{ '&:last-child': { pb: 1 } }}>
        <Typography id="inspection-hazards" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('resources.inspections.sections.hazards')}
        </Typography>
        {hazards.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate('resources.inspections.values.noHazards')}
          </Typography>
        ) : (
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {hazards.map((h, i) => (
              <Fragment key={h.category}>
                {i > 0 && <Divider component="li" aria-hidden />}
                <Hazard hazard={h} />
              </Fragment>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
