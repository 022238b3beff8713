/** What an empty inbox tab says, instead of react-admin's "no results yet, create one". */
import { Box, Typography } from '@mui/material';
import InboxIcon from '@mui/icons-material/Inbox';
import { useTranslate } from 'react-admin';
import type { TaskView } from './types.ts';

export function EmptyInbox({ view }: { view: TaskView }) {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', py: 6, color: 'text.secondary' }}>
      <InboxIcon sx={{ fontSize: 56, opacity: 0.5 }} />
      <Typography variant="body1">{translate(`resources.tasks.empty.${view}`)}</Typography>
    </Box>
  );
}
