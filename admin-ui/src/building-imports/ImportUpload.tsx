/**
 * The import page: templates to fill in, a file picker, and the upload. The import then runs in the
 * background; the page moves to the job's report, which shows its progress and problems.
 */
import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import UploadIcon from '@mui/icons-material/Upload';
import { Link, Title, useDataProvider, useNavigate, useRequireAccess, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';
import { TemplateLinks } from './TemplateLinks.tsx';

const ACCEPTED = /\.(csv|xlsx)$/i;

export function ImportUpload() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A custom page: react-admin's Create would ask this itself.
  const access = useRequireAccess({ resource: 'building-imports', action: 'create' });

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setError(chosen && !ACCEPTED.test(chosen.name) ? translate('resources.building-imports.upload.wrongType') : null);
    setFile(chosen);
  };

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const job = await dataProvider.uploadImport(file);
      navigate(`/building-imports/${encodeURIComponent(job.id)}/show`);
    } catch (e) {
      setError(e instanceof Error ? translate(e.message, { _: e.message }) : translate('ra.notification.http_error'));
      setBusy(false);
    }
  };

  const valid = file !== null && ACCEPTED.test(file.name);
  if (access.isPending) return null;
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2, maxWidth: 760 }}>
      <Title title={translate('resources.building-imports.page.create')} />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Typography variant="body1">{translate('resources.building-imports.upload.intro')}</Typography>
            <TemplateLinks />
            <input ref={input} type="file" accept=".csv,.xlsx" hidden onChange={choose} data-testid="import-file" />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
              <Button variant="outlined" startIcon={<AttachFileIcon />} onClick={() => input.current?.click()}>
                {translate('resources.building-imports.upload.choose')}
              </Button>
              <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} sx={{ overflowWrap: 'anywhere' }}>
                {file ? file.name : translate('resources.building-imports.upload.noFile')}
              </Typography>
            </Stack>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <Box>
              <Button
                variant="contained"
                startIcon={busy ? <CircularProgress size={18} color="inherit" /> : <UploadIcon />}
                disabled={!valid || busy}
                onClick={upload}
              >
                {translate(busy ? 'resources.building-imports.upload.uploading' : 'resources.building-imports.upload.submit')}
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>
      <Typography variant="body2" sx={{ mt: 2 }}>
        <Link to="/building-imports">{translate('resources.building-imports.upload.past')}</Link>
      </Typography>
    </Box>
  );
}
