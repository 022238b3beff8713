/** Asks for the reason of an officer's decision on a case (撤销, 督办) before sending it. */
import { useState } from 'react';
import { Dialog, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { DialogButtons } from './DialogButtons.tsx';
import { useTranslate } from 'react-admin';

interface ReasonDialogProps {
  open: boolean;
  title: string;
  content: string;
  confirm: string;
  busy: boolean;
  danger?: boolean;
  onConfirm(reason: string): void;
  onClose(): void;
}

const MIN_REASON = 2;
const MAX_REASON = 500;

export function ReasonDialog({ open, title, content, confirm, busy, danger = false, onConfirm, onClose }: ReasonDialogProps) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  // The API wants at least two characters: a reason, not a keystroke.
  const empty = reason.trim().length < MIN_REASON;
  const submit = () => {
    setTouched(true);
    if (!empty) onConfirm(reason.trim());
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="reason-dialog-title">
      <DialogTitle id="reason-dialog-title">{translate(title)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(content)}</DialogContentText>
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          label={translate('resources.cases.fields.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value.slice(0, MAX_REASON))}
          onBlur={() => setTouched(true)}
          error={touched && empty}
          helperText={touched && empty ? translate('ra.validation.minLength', { min: MIN_REASON }) : `${reason.length} / ${MAX_REASON}`}
          required
        />
      </DialogContent>
      <DialogButtons label={translate(confirm)} onCancel={onClose} onConfirm={submit} busy={busy} danger={danger} />
    </Dialog>
  );
}
