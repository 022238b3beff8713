/**
 * A dialog's two buttons: 取消 and its action, both disabled while the action runs, the action showing
 * a spinner then (the reason, reassign, dispatch and appraisal dialogs).
 */
import { Button, CircularProgress, DialogActions } from '@mui/material';
import { useTranslate } from 'react-admin';

export function DialogButtons({
  label,
  onCancel,
  onConfirm,
  busy,
  disabled = false,
  danger = false,
}: {
  /** The action's text, already translated. */
  label: string;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
  /** Disabled for another reason than running (nothing chosen yet). */
  disabled?: boolean;
  danger?: boolean;
}) {
  const translate = useTranslate();
  return (
    <DialogActions>
      <Button onClick={onCancel} disabled={busy}>
        {translate('ra.action.cancel')}
      </Button>
      <Button
        variant="contained"
        color={danger ? 'error' : 'primary'}
        onClick={onConfirm}
        disabled={busy || disabled}
        startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
      >
        {label}
      </Button>
    </DialogActions>
  );
}
