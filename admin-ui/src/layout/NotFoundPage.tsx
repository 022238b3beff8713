/**
 * An address the app does not know: a page in the UI's language with the way back home. (react-admin's
 * own adds an ASCII full stop after the message, which a Chinese sentence does not take.)
 */
import { Box, Button, Typography } from '@mui/material';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Title, useAuthenticated, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  const translate = useTranslate();
  const { isPending } = useAuthenticated();
  if (isPending) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', gap: 2, py: 8, px: 2 }}>
      <Title title={translate('ra.page.not_found')} />
      <SearchOffIcon sx={{ fontSize: 96, color: 'text.disabled' }} />
      <Typography variant="h5" component="h1">
        {translate('ra.page.not_found')}
      </Typography>
      <Typography color="text.secondary">{translate('ra.message.not_found')}</Typography>
      <Button component={Link} to="/" variant="contained">
        {translate('app.notFound.home')}
      </Button>
    </Box>
  );
}
