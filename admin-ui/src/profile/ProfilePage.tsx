/** The signed-in user's own page: who they are in the system, and their password. */
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import type { AppIdentity } from '../authProvider.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ProfilePage() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const me = identity as AppIdentity | undefined;
  const rows: [string, string][] = me
    ? [
        ['username', me.username],
        ['name', me.name],
        ['role', translate(`app.roles.${me.role}`)],
        ['region', me.regionName ? `${me.regionName}（${me.regionCode}）` : me.regionCode],
      ]
    : [];
  return (
    <Stack spacing={2} sx={{ mt: { xs: 1, sm: 2 }, mb: 2, maxWidth: 560 }}>
      <Title title={translate('resources.profile.name')} />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('resources.profile.account')}
          </Typography>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1, m: 0 }}>
            {rows.map(([key, value]) => (
              <Box key={key} sx={{ display: 'contents' }}>
                <Typography component="dt" color="text.secondary">
                  {translate(`resources.profile.fields.${key}`)}
                </Typography>
                <Typography component="dd" sx={{ m: 0 }}>
                  {value}
                </Typography>
              </Box>
            ))}
          </Box>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('resources.profile.password.title')}
          </Typography>
          <ChangePasswordForm />
        </CardContent>
      </Card>
    </Stack>
  );
}
