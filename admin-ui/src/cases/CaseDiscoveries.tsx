/**
 * 发现证据: how the case was found, as the officer deciding its assignment and the auditor need it: the
 * inspection or complaint that opened it first, then those that joined it, each with its evidence.
 * A case an officer registered by hand has none, and its 来源 says so: no empty card then.
 */
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DiscoveryEntry } from './DiscoveryEntry.tsx';
import type { CaseDetail } from './types.ts';

export function CaseDiscoveries({ record }: { record: CaseDetail }) {
  const translate = useTranslate();
  if (record.discoveries.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="case-discoveries">
      <CardContent sx={{ '&:last-child': { pb: 1 } }}>
        <Typography id="case-discoveries" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('resources.cases.discovery.title')}
        </Typography>
        <Box component="ol" sx={{ m: 0, p: 0 }}>
          {record.discoveries.map((d) => (
            <DiscoveryEntry key={`${d.kind}:${d.id}`} discovery={d} />
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}
