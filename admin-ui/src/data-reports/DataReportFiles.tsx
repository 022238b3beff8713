/** A finished report's files (CSV, XLSX, manifest), each downloadable, its SHA-256 shown on hover. */
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Stack, Tooltip } from '@mui/material';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { useDownload } from '../common/useDownload.ts';
import type { DataReport } from './types.ts';

const KIB = 1024;

function size(bytes: number): string {
  return bytes < KIB * KIB ? `${Math.max(1, Math.round(bytes / KIB))} KB` : `${(bytes / KIB / KIB).toFixed(1)} MB`;
}

export function DataReportFiles(_props: { label?: string }) {
  const report = useRecordContext<DataReport>();
  const translate = useTranslate();
  const { download, busy } = useDownload();
  // The data files hold owners' names and phones: offered only to those who may see owners (the API agrees).
  const { canAccess: owners } = useCanAccess({
    resource: 'buildings',
    action: 'readPersonal',
    record: { villageCode: report?.regionCode ?? '' },
  });
  if (!report || report.status !== 'done' || !report.files) return null;
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
      {report.files
        .filter((file) => owners || file.name === 'manifest.json')
        .map((file) => {
          const ext = file.name.split('.').pop() ?? '';
          return (
            <Tooltip key={file.name} title={`${file.name} · ${size(file.size)} · SHA-256 ${file.sha256}`}>
              <span>
                {/* Labelled at every width (react-admin's Button drops its label on a phone). */}
                <Button
                  variant="outlined"
                  size="small"
                  startIcon={<DownloadIcon />}
                  disabled={busy}
                  onClick={(event) => {
                    event.stopPropagation();
                    void download(file.url.replace(/^\/api/, ''), file.name);
                  }}
                >
                  {translate(`resources.data-reports.files.${ext}`, { _: ext.toUpperCase() })}
                </Button>
              </span>
            </Tooltip>
          );
        })}
    </Stack>
  );
}
