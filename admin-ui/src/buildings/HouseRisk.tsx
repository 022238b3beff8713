/**
 * The house file's 风险分级: the tier as a coloured chip, every rule that put the house there, the
 * version of the rules, and the tier's history (from → to, why, when, what caused it), newest first.
 */
import ArrowRightAltIcon from '@mui/icons-material/ArrowRightAlt';
import { Alert, Box, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import type { RiskChange } from '../../../domain/risk/store.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { RiskTierChip } from './RiskTierChip.tsx';
import type { BuildingRecord } from './types.ts';
import { useRiskHistory } from './useRiskHistory.ts';

/** The pages of the records a change may come from (`inspection:<id>`, `case:<id>`, `complaint:<id>`). */
const CAUSE_PAGES: Record<string, string> = { inspection: 'inspections', case: 'cases', complaint: 'complaints' };

function Cause({ cause }: { cause: string }) {
  const translate = useTranslate();
  const colon = cause.indexOf(':');
  const kind = colon < 0 ? cause : cause.slice(0, colon);
  const ref = colon < 0 ? '' : cause.slice(colon + 1);
  const label = translate(`resources.buildings.risk.causes.${kind}`, { _: kind });
  const page = CAUSE_PAGES[kind];
  if (page && ref) return <Link to={`/${page}/${encodeURIComponent(ref)}/show`}>{label}</Link>;
  return <>{label}</>;
}

function RiskChangeEntry({ change }: { change: RiskChange }) {
  const translate = useTranslate();
  return (
    <Box component="li" data-risk-change={change.id} sx={{ listStyle: 'none', py: 1, borderTop: 1, borderColor: 'divider' }}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        {change.fromTier ? (
          <>
            <RiskTierChip tier={change.fromTier} />
            <ArrowRightAltIcon fontSize="small" aria-label="→" />
          </>
        ) : (
          <Typography variant="body2" color="text.secondary" component="span" sx={{ mr: 0.5 }}>
            {translate('resources.buildings.risk.first')}
          </Typography>
        )}
        <RiskTierChip tier={change.toTier} />
        <Typography variant="body2" color="text.secondary" component="span" sx={{ pl: 1 }}>
          <DateTimeText value={change.at} /> · <Cause cause={change.cause} />
        </Typography>
      </Stack>
      {change.reasons.length > 0 && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {change.reasons.map((r) => r.text).join('；')}
        </Typography>
      )}
    </Box>
  );
}

export function HouseRisk() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  const history = useRiskHistory(building?.code);
  if (!building) return null;
  return (
    <Card variant="outlined" component="section" aria-labelledby="group-risk" data-testid="house-risk">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography id="group-risk" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('resources.buildings.risk.title')}
          </Typography>
          <RiskTierChip />
          <Typography variant="caption" color="text.secondary">
            {building.riskVersion === null
              ? translate('resources.buildings.risk.notAssessed')
              : translate('resources.buildings.risk.rules', { version: building.riskVersion })}
          </Typography>
        </Stack>
        {building.riskReasons.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.buildings.risk.noReasons')}
          </Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="risk-reasons">
            {building.riskReasons.map((r) => (
              <Typography component="li" variant="body2" key={r.rule} data-rule={r.rule}>
                {r.text}
              </Typography>
            ))}
          </Box>
        )}
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 0.5 }}>
          {translate('resources.buildings.risk.history')}
        </Typography>
        {history.isPending && <LinearProgress />}
        {history.isError && <Alert severity="error">{history.error.message}</Alert>}
        {history.data && history.data.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.buildings.risk.historyEmpty')}
          </Typography>
        )}
        {history.data && history.data.length > 0 && (
          <Box component="ol" sx={{ m: 0, p: 0 }} data-testid="risk-history">
            {history.data.map((c) => (
              <RiskChangeEntry key={c.id} change={c} />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
