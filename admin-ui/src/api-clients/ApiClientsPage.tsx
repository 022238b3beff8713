/**
 * 上级平台凭据 (`/api-clients`, issue 20 §2): the credentials with which higher-level platforms read
 * this region's houses. An administrator creates one (name, region, whether owner details are served
 * in full) and sees its token once; revoking one refuses it from then on.
 */
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import type { ApiClient } from '../../../domain/api-clients/store.ts';
import { DateTimeText } from '../common/DateTimeText.tsx';
import { useActionKey } from '../common/hooks/useActionKey.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { useAppDataProvider } from '../common/hooks/useAppDataProvider.ts';
import { RegionPicker } from '../stats/RegionPicker.tsx';

const KEY = ['api-clients'];

function CreateDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (token: string) => void }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.api-clients.${key}`);
  const dp = useAppDataProvider();
  const notify = useNotify();
  const key = useActionKey();
  const [name, setName] = useState('');
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [personalData, setPersonalData] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!regionCode || !name.trim()) return;
    const body = { name: name.trim(), regionCode, personalData };
    setBusy(true);
    try {
      const created = await dp.createApiClient(body, key.keyFor(body));
      setName('');
      setPersonalData(false);
      onCreated(created.token);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      key.answered();
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('create')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label={t('fields.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            inputProps={{ maxLength: 100, 'data-field': 'name' }}
            required
          />
          <Box>
            <Typography variant="caption" color="text.secondary">
              {t('fields.regionCode')}
            </Typography>
            <RegionPicker value={regionCode} onChange={setRegionCode} />
          </Box>
          <FormControlLabel
            control={<Checkbox checked={personalData} onChange={(e) => setPersonalData(e.target.checked)} />}
            label={t('fields.personalData')}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy || !regionCode || !name.trim()}
          onClick={() => void submit()}
          data-action="create-client"
        >
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function ApiClientsPage() {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.api-clients.${key}`, options);
  const dp = useAppDataProvider();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const revokeKey = useActionKey();
  const clients = useApiQuery(KEY, (p, signal) => p.apiClients(signal));
  const [creating, setCreating] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiClient | null>(null);
  const revoke = async (c: ApiClient) => {
    try {
      await dp.revokeApiClient(c.id, revokeKey.keyFor(c.id));
      await queryClient.invalidateQueries({ queryKey: KEY });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      revokeKey.answered();
      setRevoking(null);
    }
  };
  const rows = clients.data?.data;
  return (
    <Stack spacing={2} sx={{ mt: { xs: 1, sm: 2 }, mb: 2, minWidth: 0 }} data-page="api-clients">
      <Title title={t('title')} />
      <Card>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
            <Box sx={{ flex: 1 }}>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
                {t('title')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('intro')}
              </Typography>
            </Box>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {t('create')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      {clients.error && (
        <Alert severity="error">{clients.error instanceof Error ? clients.error.message : translate('ra.notification.http_error')}</Alert>
      )}
      <Card>
        {!rows ? (
          <Skeleton variant="rectangular" height={160} />
        ) : rows.length === 0 ? (
          <CardContent>{t('empty')}</CardContent>
        ) : (
          <TableContainer>
            <Table size="small" sx={{ minWidth: 720, '& th, & td': { whiteSpace: 'nowrap' } }}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('fields.name')}</TableCell>
                  <TableCell>{t('fields.regionCode')}</TableCell>
                  <TableCell>{t('fields.personalData')}</TableCell>
                  <TableCell>{t('fields.createdAt')}</TableCell>
                  <TableCell>{t('fields.lastUsedAt')}</TableCell>
                  <TableCell>{t('fields.status')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((c) => (
                  <TableRow key={c.id} data-client={c.name}>
                    <TableCell>
                      {c.name}
                      <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: 'monospace' }}>
                        {c.id}
                      </Typography>
                    </TableCell>
                    <TableCell>{c.regionName ?? c.regionCode}</TableCell>
                    <TableCell>{c.personalData ? '✓' : '—'}</TableCell>
                    <TableCell>
                      <DateTimeText value={c.createdAt} />
                    </TableCell>
                    <TableCell>{c.lastUsedAt ? <DateTimeText value={c.lastUsedAt} /> : t('never')}</TableCell>
                    <TableCell>
                      <Chip size="small" color={c.revokedAt ? 'default' : 'success'} label={c.revokedAt ? t('revoked') : t('active')} />
                    </TableCell>
                    <TableCell align="right">
                      {!c.revokedAt && (
                        <Button size="small" color="error" onClick={() => setRevoking(c)} data-action="revoke">
                          {t('revoke')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Card>
      <CreateDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tok) => {
          setCreating(false);
          setToken(tok);
          void queryClient.invalidateQueries({ queryKey: KEY });
        }}
      />
      <Dialog open={token !== null} fullWidth maxWidth="sm">
        <DialogTitle>{t('tokenTitle')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('tokenHelp')}
          </Alert>
          <TextField
            fullWidth
            multiline
            value={token ?? ''}
            InputProps={{ readOnly: true, sx: { fontFamily: 'monospace' } }}
            inputProps={{ 'data-token': true }}
          />
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => setToken(null)}>
            {t('close')}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={revoking !== null} onClose={() => setRevoking(null)}>
        <DialogTitle>{t('revoke')}</DialogTitle>
        <DialogContent>{revoking && t('revokeConfirm', { name: revoking.name })}</DialogContent>
        <DialogActions>
          <Button onClick={() => setRevoking(null)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" onClick={() => revoking && void revoke(revoking)} data-action="confirm-revoke">
            {t('revoke')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
