/**
 * One complaint to verify on a phone: its category and place, the time left, the description, and a
 * big 核实 button that opens the verification (photos, position, outcome and reply).
 */
import { useState } from 'react';
import { Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Link, useTranslate } from 'react-admin';
import { DueDate } from '../common/DueDate.tsx';
import type { Complaint } from '../complaints/types.ts';
import { complaintPage } from '../complaints/types.ts';
import { VerifyDialog } from '../complaints/VerifyDialog.tsx';

/** The place in words: the house's address, or that the citizen picked a point on the map. */
export function usePlaceText() {
  const translate = useTranslate();
  return (c: Pick<Complaint, 'address' | 'buildingCode'>) =>
    c.address ?? c.buildingCode ?? translate('resources.complaints.values.mapPosition');
}

export function VerifyTaskCard({ complaint }: { complaint: Complaint }) {
  const translate = useTranslate();
  const place = usePlaceText();
  const [open, setOpen] = useState(false);
  return (
    <Card variant="outlined" data-verify-task={complaint.trackingNo} sx={{ borderColor: complaint.overdue ? 'error.main' : undefined }}>
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1, flexWrap: 'wrap', rowGap: 0.5 }}>
          <Chip size="small" color="warning" label={translate('resources.work.verify.tab')} />
          <Chip size="small" variant="outlined" label={translate(`resources.cases.enums.category.${complaint.category}`)} />
        </Stack>
        <Link
          to={complaintPage(complaint.id)}
          variant="subtitle1"
          sx={{ display: 'block', fontWeight: 600, lineHeight: 1.3, overflowWrap: 'anywhere' }}
        >
          {place(complaint)}
        </Link>
        <Typography variant="body2" color="text.secondary">
          {[complaint.villageName, complaint.trackingNo].filter(Boolean).join(' · ')}
        </Typography>
        <Typography
          variant="body2"
          sx={{ my: 1, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
        >
          {complaint.description}
        </Typography>
        <DueDate dueAt={complaint.verifyDueAt} startAt={complaint.createdAt} overdue={complaint.overdue} inline />
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button variant="contained" size="large" fullWidth startIcon={<FactCheckIcon />} onClick={() => setOpen(true)}>
          {translate('resources.work.verify.action')}
        </Button>
      </CardActions>
      {open && <VerifyDialog record={complaint} open={open} onClose={() => setOpen(false)} />}
    </Card>
  );
}
