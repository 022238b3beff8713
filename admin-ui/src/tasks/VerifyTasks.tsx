/**
 * The inbox's 待核实 tab: the complaints waiting for an on-site verification that the user may verify,
 * soonest deadline first. Cards with a big 核实 button on phones, where inspectors work; a table with
 * the same button, in words, on wide screens.
 */
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
} from '@mui/material';
import type { Theme } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import RateReviewIcon from '@mui/icons-material/RateReview';
import { Link, useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { PagePicker } from '../common/PagePicker.tsx';
import type { Complaint } from '../complaints/types.ts';
import { complaintPage } from '../complaints/types.ts';
import { VerifyDialog } from '../complaints/VerifyDialog.tsx';
import { VerifyTaskCard, usePlaceText } from './VerifyTaskCard.tsx';

const PER_PAGE = 25;
const REFRESH_MS = 30_000;

function VerifyTable({ complaints, onVerify }: { complaints: Complaint[]; onVerify(c: Complaint): void }) {
  const translate = useTranslate();
  const place = usePlaceText();
  const label = (key: string) => translate(`resources.work.verify.${key}`);
  return (
    <Table sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell>{label('dueAt')}</TableCell>
          <TableCell>{label('place')}</TableCell>
          <TableCell>{label('category')}</TableCell>
          <TableCell>{label('trackingNo')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {complaints.map((c) => (
          <TableRow key={c.id} hover data-verify-task={c.trackingNo}>
            <TableCell>
              <DueDate dueAt={c.verifyDueAt} startAt={c.createdAt} overdue={c.overdue} />
            </TableCell>
            <TableCell>
              <Link to={complaintPage(c.id)} variant="body2">
                {place(c)}
              </Link>
              <Typography variant="caption" color="text.secondary" component="p">
                {c.villageName}
              </Typography>
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`resources.cases.enums.category.${c.category}`)}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{c.trackingNo}</TableCell>
            <TableCell align="right">
              <Button variant="contained" size="small" startIcon={<FactCheckIcon />} onClick={() => onVerify(c)}>
                {label('action')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function VerifyTasks() {
  const translate = useTranslate();
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [page, setPage] = useState(0);
  const [verifying, setVerifying] = useState<Complaint | null>(null);
  const list = useApiQuery(
    ['complaints', 'to-verify', 'list', page],
    (dataProvider, signal) => dataProvider.complaintsToVerify({ page: page + 1, perPage: PER_PAGE }, signal),
    {
      refetchInterval: REFRESH_MS,
    },
  );
  if (list.isPending) {
    return (
      <Stack spacing={1.5} sx={{ p: 1 }}>
        <Skeleton variant="rounded" height={isPhone ? 180 : 48} />
        <Skeleton variant="rounded" height={isPhone ? 180 : 48} />
      </Stack>
    );
  }
  if (list.isError) {
    return (
      <Alert severity="error" sx={{ m: 1 }}>
        {list.error instanceof Error ? list.error.message : String(list.error)}
      </Alert>
    );
  }
  if (list.data.total === 0) {
    return (
      <Box sx={{ textAlign: 'center', py: 6, color: 'text.secondary' }}>
        <RateReviewIcon sx={{ fontSize: 56, opacity: 0.5 }} />
        <Typography variant="body1">{translate('resources.work.verify.empty')}</Typography>
      </Box>
    );
  }
  return (
    <Box sx={{ mt: 1 }}>
      {isPhone ? (
        <Stack spacing={1.5} sx={{ p: 1 }}>
          {list.data.data.map((c) => (
            <VerifyTaskCard key={c.id} complaint={c} />
          ))}
        </Stack>
      ) : (
        <Box sx={{ bgcolor: 'background.paper', borderRadius: 1, overflowX: 'auto' }}>
          <VerifyTable complaints={list.data.data} onVerify={setVerifying} />
        </Box>
      )}
      <PagePicker total={list.data.total} page={page} perPage={PER_PAGE} onPage={setPage} />
      {verifying && <VerifyDialog record={verifying} open onClose={() => setVerifying(null)} />}
    </Box>
  );
}
