/**
 * One related-records section of the house file: a titled card with the latest few records, a line
 * when there are none, and a link to the full list filtered to the house.
 */
import { Card, CardContent, List, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-admin';

export function HouseSection({
  id,
  title,
  empty,
  more,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  more: { to: string; text: string } | null;
  children: ReactNode[];
}) {
  return (
    <Card variant="outlined" component="section" aria-labelledby={id}>
      <CardContent sx={{ '&:last-child': { pb: 1.5 } }}>
        <Typography id={id} variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 0.5 }}>
          {title}
        </Typography>
        {children.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {empty}
          </Typography>
        ) : (
          <List dense disablePadding sx={{ mx: -1 }}>
            {children}
          </List>
        )}
        {more && (
          <Link to={more.to} variant="body2" sx={{ display: 'inline-block', mt: 1 }}>
            {more.text}
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
