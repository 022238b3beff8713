/**
 * The messages the citizen reads on the progress page, oldest first: received, pressed when overdue,
 * the verification's outcome. Officers see exactly what the complainant was told, and when.
 */
import { Fragment } from 'react';
import { Box, Card, CardContent, Divider, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../common/DateTimeText.tsx';
import type { ComplaintNotice } from './types.ts';

export function ComplaintNotices({ notices }: { notices: readonly ComplaintNotice[] }) {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby="complaint-notices">
      <CardContent sx={{ '&:last-child': { pb: 1.5 } }}>
        <Typography id="complaint-notices" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('resources.complaints.sections.notices')}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {translate('resources.complaints.help.notices')}
        </Typography>
        {notices.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.none')}
          </Typography>
        ) : (
          <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {notices.map((n, i) => (
              <Fragment key={n.seq}>
                {i > 0 && <Divider component="li" aria-hidden />}
                <Box component="li" data-notice={n.status} sx={{ py: 1 }}>
                  <Typography variant="caption" color="text.secondary" component="p">
                    <DateTimeText value={n.at} />
                  </Typography>
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {n.text}
                  </Typography>
                </Box>
              </Fragment>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
