/** A home-page card that opens one of the pages the user may use. */
import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { SvgIconComponent } from '@mui/icons-material';
import { useNavigate, useTranslate } from 'react-admin';

export interface Shortcut {
  to: string;
  /** Translation keys. */
  title: string;
  hint: string;
  icon: SvgIconComponent;
}

export function ShortcutCard({ shortcut }: { shortcut: Shortcut }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const Icon = shortcut.icon;
  return (
    <Card variant="outlined" sx={{ flex: '1 1 220px' }}>
      <CardActionArea onClick={() => navigate(shortcut.to)} sx={{ height: '100%' }}>
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
          <Icon color="primary" />
          <Box>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate(shortcut.title)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate(shortcut.hint)}
            </Typography>
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
