/** A card of the cockpit: a titled group of figures, as large as the screen allows. */
import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export function StatCard({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={`stat-${id}`} data-card={id} sx={{ minWidth: 0 }}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography
          id={`stat-${id}`}
          variant="subtitle1"
          component="h2"
          sx={{ fontWeight: 600, mb: 1.5, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
        >
          <span style={{ flex: 1 }}>{title}</span>
          {action}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}
