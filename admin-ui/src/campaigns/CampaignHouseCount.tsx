/**
 * How many houses the campaign will cover, before it is saved: the registry's count for the chosen
 * area and conditions (`GET /api/buildings` with the same filters, which the campaign's selection
 * applies with the same function), read again shortly after the officer stops changing them.
 */
import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { countFilter } from './campaignForm.ts';
import type { CampaignFormValues } from './campaignForm.ts';

const SETTLE_MS = 400;

export function CampaignHouseCount() {
  const translate = useTranslate();
  const regionCode = useWatch<CampaignFormValues, 'regionCode'>({ name: 'regionCode' });
  const filters = useWatch<CampaignFormValues, 'filters'>({ name: 'filters' });
  const wanted = JSON.stringify(countFilter({ regionCode, filters }));
  const [settled, setSettled] = useState(wanted);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(wanted), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);
  const filter = JSON.parse(settled) as Record<string, unknown> | null;
  const { total, isPending, error } = useGetList(
    'buildings',
    // A sort the registry accepts (react-admin's default, by id, is not one of them).
    { filter: filter ?? {}, pagination: { page: 1, perPage: 1 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: filter !== null },
  );
  let text: string;
  let severity: 'info' | 'warning' = 'info';
  if (filter === null) text = translate('resources.campaigns.create.countPending');
  else if (error) [text, severity] = [translate('resources.campaigns.create.countFailed'), 'warning'];
  else if (isPending || total === undefined || settled !== wanted) text = translate('resources.campaigns.create.counting');
  else if (total === 0) [text, severity] = [translate('resources.campaigns.create.countNone'), 'warning'];
  else text = translate('resources.campaigns.create.count', { count: total.toLocaleString('zh-CN') });
  return (
    <Alert severity={severity} role="status" data-testid="campaign-house-count" sx={{ mt: 1, mb: 2 }}>
      {text}
    </Alert>
  );
}
