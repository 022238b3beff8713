/**
 * The inbox's 待核实 tab: the complaints waiting for an on-site verification that the user may verify,
 * soonest deadline first. Cards with a big 核实 button on phones, where inspectors work; a table with
 * the same button, in words, on wide screens.
 */
import { useState } from 'react';
import { Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import RateReviewIcon from '@mui/icons-material/RateReview';
import { Link, useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import type { Complaint } from '../complaints/types.ts';
import { complaintPage } from '../complaints/types.ts';
import { VerifyDialog } from '../complaints/VerifyDialog.tsx';
import { InboxSection } from './InboxSection.tsx';
import { VerifyTaskCard, usePlaceText } from './VerifyTaskCard.tsx';

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
  const [verifying, setVerifying] = useState<Complaint | null>(null);
  return (
    <InboxSection<Complaint>
      queryKey={['complaints', 'to-verify', 'list']}
      load={(dataProvider, page, signal) => dataProvider.complaintsToVerify(page, signal)}
      empty={{ icon: <RateReviewIcon />, text: translate('resources.work.verify.empty') }}
      cardHeight={180}
      cards={(items) => items.map((c) => <VerifyTaskCard key={c.id} complaint={c} />)}
      table={(items) => <VerifyTable complaints={items} onVerify={setVerifying} />}
    >
      {verifying && <VerifyDialog record={verifying} open onClose={() => setVerifying(null)} />}
    </InboxSection>
  );
}
