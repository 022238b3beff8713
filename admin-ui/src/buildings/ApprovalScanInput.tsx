/**
 * An approval's scanned certificate (PDF, JPEG or PNG): uploaded at once to the house file, the
 * approval keeping the stored file's id. Only on an existing house (a scan belongs to a house code).
 */
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Button, Link, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useDataProvider, useInput, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';

export function ApprovalScanInput({ code }: { code: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { field } = useInput({ source: 'fileId' });
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const value = typeof field.value === 'string' && field.value ? field.value : null;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const stored = await dataProvider.uploadHouseScan(code, 'approval', { data: file, name: file.name, type: file.type });
      field.onChange(stored.id);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 48 }}>
      <input ref={picker} type="file" accept="application/pdf,image/jpeg,image/png" hidden onChange={(e) => void choose(e)} />
      <Button size="small" startIcon={<AttachFileIcon />} disabled={busy} onClick={() => picker.current?.click()}>
        {translate(busy ? 'resources.buildings.approval.uploading' : 'resources.buildings.approval.uploadScan')}
      </Button>
      {value && (
        <Typography variant="body2" component="span">
          <Link href={`/api/building-files/${encodeURIComponent(value)}`} target="_blank" rel="noopener">
            {translate('resources.buildings.approval.scan')}
          </Link>
        </Typography>
      )}
    </Stack>
  );
}
