/**
 * The rows an import refused: line, column, value and reason, a page at a time, and the same list as
 * a CSV error report to correct the file with.
 */
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { PagePicker } from '../common/PagePicker.tsx';
import { useDownload } from '../common/useDownload.ts';
import type { AppDataProvider } from '../dataProvider/index.ts';
import type { ImportJob } from './types.ts';

const PER_PAGE = 25;

export function ImportProblems({ job }: { job: ImportJob }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { download, busy } = useDownload();
  const [page, setPage] = useState(0);
  const problems = useQuery({
    // The count of failed rows changes while the job runs: a new count is a new answer.
    queryKey: ['building-imports', 'problems', job.id, job.failedRows, page],
    queryFn: ({ signal }) => dataProvider.importProblems(job.id, page + 1, PER_PAGE, signal),
    placeholderData: (previous) => previous,
  });
  const t = (key: string) => translate(`resources.building-imports.problems.${key}`);

  return (
    <Box component="section" aria-labelledby="import-problems">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography id="import-problems" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {t('title')}
          {problems.data && problems.data.total > 0 && <Chip size="small" color="error" label={problems.data.total} sx={{ ml: 1 }} />}
        </Typography>
        {job.hasErrorReport && job.failedRows > 0 && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<DownloadIcon />}
            disabled={busy}
            onClick={() => download(`/building-imports/${encodeURIComponent(job.id)}/errors.csv`, 'errors.csv')}
          >
            {t('download')}
          </Button>
        )}
      </Box>
      {problems.isPending && <LinearProgress />}
      {problems.isError && <Alert severity="error">{problems.error.message}</Alert>}
      {problems.data && problems.data.total === 0 && (
        <Typography variant="body2" color="text.secondary">
          {job.status === 'done' ? t('none') : '—'}
        </Typography>
      )}
      {problems.data && problems.data.total > 0 && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('hint')}
          </Typography>
          <TableContainer>
            <Table size="small" aria-labelledby="import-problems">
              <TableHead>
                <TableRow>
                  <TableCell>{t('line')}</TableCell>
                  <TableCell>{t('column')}</TableCell>
                  <TableCell>{t('value')}</TableCell>
                  <TableCell>{t('reason')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {problems.data.data.map((p, i) => (
                  <TableRow key={`${p.line}-${p.column ?? ''}-${i}`}>
                    <TableCell>{p.line}</TableCell>
                    <TableCell>{p.column || '—'}</TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere', maxWidth: 240 }}>{p.value || '—'}</TableCell>
                    <TableCell>{p.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <PagePicker total={problems.data.total} page={page} perPage={PER_PAGE} onPage={setPage} />
        </>
      )}
    </Box>
  );
}
