/**
 * 核实: the dialog that records the on-site verification. Sent with one Idempotency-Key per
 * submission (a double click applies once); the API's field problems land on their inputs (a map
 * complaint confirmed without, or with an unknown, house code); a 409 (someone verified it first)
 * is explained and the page refreshes. On success the page shows the outcome and the case.
 */
import { Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Form, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { useCaseAction } from '../cases/useCaseAction.ts';
import { formErrorsOf } from '../tasks/forms/formErrors.ts';
import { verifyComplaint } from './api.ts';
import type { Complaint, VerifyBody } from './types.ts';
import { VerifyInputs } from './VerifyInputs.tsx';
import type { VerifyValues } from './VerifyInputs.tsx';

interface VerifyDialogProps {
  record: Complaint;
  open: boolean;
  onClose(): void;
}

const DEFAULTS: VerifyValues = { reply: '', severity: 'general', buildingCode: '', note: '' };

/** Only what the API reads for this outcome: severity and house go with a confirmed complaint only. */
function verifyBody(values: VerifyValues, record: Complaint): VerifyBody {
  const body: VerifyBody = { result: values.result ?? 'unfounded', reply: values.reply.trim() };
  if (body.result === 'confirmed') {
    body.severity = values.severity;
    if (!record.buildingCode && values.buildingCode) body.buildingCode = values.buildingCode;
  }
  const note = values.note.trim();
  if (note) body.note = note;
  return body;
}

export function VerifyDialog({ record, open, onClose }: VerifyDialogProps) {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { run, busy } = useCaseAction();

  // The form holds exactly the inputs of `VerifyInputs`, started from `DEFAULTS`.
  const submit = async (values: FieldValues) => {
    if (busy) return undefined;
    const body = verifyBody(values as VerifyValues, record);
    const outcome = await run({ verify: record.id, body }, (key) => verifyComplaint(record.id, body, key), {
      success: 'resources.complaints.notifications.verified',
      fieldErrors: true,
    });
    if (outcome.ok || outcome.status === 409) {
      await queryClient.invalidateQueries({ queryKey: ['complaints'] });
      onClose();
      return undefined;
    }
    return outcome.fieldProblems.length > 0 ? formErrorsOf(outcome.fieldProblems) : undefined;
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" scroll="body" aria-labelledby="verify-dialog-title">
      <Form onSubmit={submit} defaultValues={DEFAULTS} noValidate>
        <DialogTitle id="verify-dialog-title">
          {translate('resources.complaints.verify.title', { trackingNo: record.trackingNo })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1.5 }}>{translate('resources.complaints.verify.content')}</DialogContentText>
          <VerifyInputs needsHouse={!record.buildingCode} />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy}
            startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            {translate('resources.complaints.actions.submitVerify')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
