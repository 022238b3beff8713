/**
 * Where a user whose password an administrator set lands after signing in: nothing else opens (the
 * API answers 403 PASSWORD_CHANGE_REQUIRED) until they choose a password of their own.
 */
import { Alert, Button, Card, CardContent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useAuthenticated, useGetIdentity, useLogout, useNavigate, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { forgetSession } from '../authProvider.ts';
import type { AppIdentity } from '../authProvider.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { AuthBackdrop } from '../login/AuthBackdrop.tsx';
import { RETURN_PARAM, safeReturnPath } from '../login/returnPath.ts';

export function FirstPasswordChangePage() {
  useAuthenticated();
  const translate = useTranslate();
  const navigate = useNavigate();
  // The page that sent the user to sign in (the scan page's 工作人员登录) still gets them back.
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get(RETURN_PARAM), window.location.origin);
  const logout = useLogout();
  const queryClient = useQueryClient();
  const { identity } = useGetIdentity();
  const me = identity as AppIdentity | undefined;

  const changed = async () => {
    // The session now may do everything: read it again (the identity query waits for it) before going in.
    forgetSession();
    await queryClient.invalidateQueries();
    navigate(returnTo ?? '/');
  };

  return (
    <AuthBackdrop phoneTopGap={4}>
      <Card sx={{ width: '100%', maxWidth: 440 }} elevation={4}>
        <CardContent sx={{ p: 3 }}>
          <Typography variant="h6" component="h1" gutterBottom>
            {translate('resources.profile.firstChange.title')}
          </Typography>
          <Alert severity="info" sx={{ mb: 2 }}>
            {me ? `${me.name}（${me.username}）：` : ''}
            {translate('resources.profile.firstChange.content')}
          </Alert>
          <ChangePasswordForm onChanged={changed} />
          <Button onClick={() => logout()} sx={{ mt: 1 }}>
            {translate('resources.profile.firstChange.signOut')}
          </Button>
        </CardContent>
      </Card>
    </AuthBackdrop>
  );
}
