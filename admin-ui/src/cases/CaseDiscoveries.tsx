/**
 * 发现证据: how the case was found, as the officer deciding its assignment and the auditor need it: the
 * inspection or complaint that opened it first, then those that joined it, each with its evidence.
 */
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DiscoveryEntry } from './DiscoveryEntry.tsx';
import type { CaseDetail } from './types.ts';

export function CaseDiscoveries({ record }: { record: CaseDetail }) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="case-discoveries">
      <CardContent sx={{ '&:last-child': { pb: 1 } }}>
        <Typography id="case-discoveries" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('resources.cases.discovery.title')}
        </Typography>
        {record.discoveries.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1, mb: 1 }}>
            {translate('resources.cases.discovery.none')}
          </Typography>
        ) : (
          <Box component="ol" sx={{ m: 0, p: 0 }}>
            {record.discoveries.map((d) => (
              <DiscoveryEntry key={`${d.kind}:${d.id}`} discovery={d} />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
