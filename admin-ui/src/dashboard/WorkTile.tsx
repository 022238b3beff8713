/** One kind of waiting work on the phone home: what it is, how many, and a tap to its inbox tab. */
import { Box, Card, CardActionArea, Typography } from '@mui/material';
import type { SvgIconComponent } from '@mui/icons-material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Link } from 'react-admin';

export interface WorkTileProps {
  to: string;
  title: string;
  count: number;
  /** A line under the title (e.g. how many are overdue), red when `alert`. */
  note?: string | undefined;
  alert?: boolean;
  icon: SvgIconComponent;
  view: string;
}

export function WorkTile({ to, title, count, note, alert = false, icon: Icon, view }: WorkTileProps) {
  const idle = count === 0;
  return (
    <Card variant="outlined" data-work={view} sx={{ borderColor: alert ? 'error.main' : undefined }}>
      <CardActionArea component={Link} to={to} sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2, py: 1.5 }}>
        <Icon color={idle ? 'disabled' : 'primary'} />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, lineHeight: 1.3 }} color={idle ? 'text.secondary' : 'text.primary'}>
            {title}
          </Typography>
          {note && (
            <Typography variant="caption" color={alert ? 'error.main' : 'text.secondary'} sx={{ fontWeight: alert ? 600 : 400 }}>
              {note}
            </Typography>
          )}
        </Box>
        <Typography
          component="span"
          data-count
          sx={{
            fontSize: '1.5rem',
            fontWeight: 700,
            color: idle ? 'text.disabled' : alert ? 'error.main' : 'primary.main',
            minWidth: 32,
            textAlign: 'right',
          }}
        >
          {count}
        </Typography>
        <ChevronRightIcon color="action" />
      </CardActionArea>
    </Card>
  );
}
