/**
 * The sign-in page. The API's refusals (one reply for every wrong name or password; locked until
 * when, or disabled, once the right password was given) are shown in place, word for word. A page
 * that sent the user here with `?next=` (the scan page's 工作人员登录) gets them back afterwards, if
 * it is a page of this site (`safeReturnPath`); otherwise they land on the home page.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import { LocalesMenuButton, useCheckAuth, useLogin, useNavigate, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { AuthBackdrop } from './AuthBackdrop.tsx';
import { RETURN_PARAM, safeReturnPath } from './returnPath.ts';

export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get(RETURN_PARAM), window.location.origin);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Someone already signed in who lands here (a bookmark, the back button) goes straight in.
  useEffect(() => {
    checkAuth({}, false).then(
      () => navigate(returnTo ?? '/'),
      () => undefined,
    );
  }, [checkAuth, navigate, returnTo]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Without a return path react-admin goes back to the page that asked for a sign-in, or home.
      await login({ username: username.trim(), password, next: returnTo }, returnTo ?? undefined);
    } catch (e) {
      const message = e instanceof Error && e.message ? e.message : 'ra.auth.sign_in_error';
      setError(translate(message, { _: message }));
      setBusy(false);
    }
  };

  return (
    <AuthBackdrop phoneTopGap={2}>
      <Box sx={{ width: '100%', maxWidth: 400, display: 'flex', justifyContent: 'flex-end', color: 'common.white' }}>
        <LocalesMenuButton />
      </Box>
      <Stack alignItems="center" spacing={0.5} sx={{ color: 'common.white', my: 2 }}>
        <HomeWorkIcon sx={{ fontSize: 48 }} />
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {translate('app.name')}
        </Typography>
        <Typography variant="subtitle1">{translate('app.subtitle')}</Typography>
      </Stack>
      <Card sx={{ width: '100%', maxWidth: 400 }} elevation={4}>
        <CardContent component="form" onSubmit={submit} noValidate sx={{ p: 3 }}>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.login.title')}
          </Typography>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {error}
            </Alert>
          )}
          <TextField
            name="username"
            label={translate('app.login.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            fullWidth
            margin="normal"
          />
          <TextField
            name="password"
            type="password"
            label={translate('app.login.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
            fullWidth
            margin="normal"
          />
          <Button
            type="submit"
            variant="contained"
            size="large"
            fullWidth
            disabled={busy || username.trim() === '' || password === ''}
            startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
            sx={{ mt: 2 }}
          >
            {translate(busy ? 'app.login.signingIn' : 'app.login.submit')}
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {translate('app.login.help')}
          </Typography>
        </CardContent>
      </Card>
    </AuthBackdrop>
  );
}
