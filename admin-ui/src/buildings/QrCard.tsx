/**
 * The building's QR code as printed on its label (it opens the public page), with the label
 * download and a link to that public page.
 */
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { useRecordContext, useTranslate } from 'react-admin';
import { PrintLabelButton } from './PrintLabelButton.tsx';
import type { BuildingRecord } from './types.ts';

export function QrCard() {
  const translate = useTranslate();
  const building = useRecordContext<BuildingRecord>();
  if (!building) return null;
  const code = encodeURIComponent(building.code);
  return (
    <Card variant="outlined" component="section" aria-labelledby="group-qr">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1 }}>
        <Typography id="group-qr" variant="subtitle1" component="h2" sx={{ fontWeight: 600, alignSelf: 'flex-start' }}>
          {translate('resources.buildings.qr.title')}
        </Typography>
        <Box
          component="img"
          src={`/api/buildings/${code}/qr.svg`}
          alt={translate('resources.buildings.qr.alt', { code: building.code })}
          sx={{ width: 180, height: 180, imageRendering: 'pixelated' }}
        />
        <Typography sx={{ fontFamily: 'monospace', fontSize: 16, letterSpacing: 1 }}>{building.code}</Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('resources.buildings.qr.hint')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'center' }}>
          <PrintLabelButton variant="contained" />
          <Button size="small" href={`/m/b/${code}`} target="_blank" rel="noopener" startIcon={<OpenInNewIcon />}>
            {translate('resources.buildings.actions.publicPage')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
}
