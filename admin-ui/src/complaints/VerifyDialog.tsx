/**
 * 核实: the dialog that records the on-site verification. Sent with one Idempotency-Key per
 * submission (a double click applies once); the API's field problems land on their inputs (a map
 * complaint confirmed without, or with an unknown, house code); a 409 (someone verified it first)
 * is explained and the page refreshes. On success the page shows the outcome and the case.
 * The photos taken on site are uploaded first (each once, however often the form is sent), then
 * named in the verification with the phone's position. Full screen on a phone.
 */
import { useState } from 'react';
import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  useMediaQuery,
} from '@mui/material';
import type { Theme } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Form, useNotify, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { useAppDataProvider } from '../common/hooks/useAppDataProvider.ts';
import { useCaseAction } from '../common/hooks/useCaseAction.ts';
import { newIdempotencyKey } from '../http.ts';
import { usePosition } from '../mobile/shared/usePosition.ts';
import type { PositionState } from '../mobile/shared/usePosition.ts';
import { formErrorsOf } from '../tasks/forms/formErrors.ts';
import type { Complaint, VerifyBody } from './types.ts';
import { VerifyEvidence } from './VerifyEvidence.tsx';
import type { EvidencePhoto } from './VerifyEvidence.tsx';
import { VerifyInputs } from './VerifyInputs.tsx';
import type { VerifyValues } from './VerifyInputs.tsx';

interface VerifyDialogProps {
  record: Complaint;
  open: boolean;
  onClose(): void;
}

const DEFAULTS: VerifyValues = { reply: '', severity: 'general', buildingCode: '', note: '' };

/** Only what the API reads for this outcome: severity and house go with a confirmed complaint only. */
function verifyBody(values: VerifyValues, record: Complaint, fileIds: string[], position: PositionState): VerifyBody {
  const body: VerifyBody = {
    result: values.result ?? 'unfounded',
    reply: values.reply.trim(),
    fileIds,
    position: position.status === 'located' ? position.position : null,
  };
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
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const { run, busy } = useCaseAction();
  const position = usePosition();
  const [photos, setPhotos] = useState<EvidencePhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const working = busy || uploading;

  /** Sends the photos the server does not hold yet; their ids, or null when one failed (and was said). */
  const uploadPhotos = async (): Promise<string[] | null> => {
    setUploading(true);
    try {
      const ids: string[] = [];
      for (const photo of photos) {
        const fileId = photo.fileId ?? (await dataProvider.uploadVerificationPhoto(record.id, photo, newIdempotencyKey()));
        photo.fileId = fileId;
        ids.push(fileId);
      }
      return ids;
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return null;
    } finally {
      setUploading(false);
    }
  };

  // The form holds exactly the inputs of `VerifyInputs`, started from `DEFAULTS`.
  const submit = async (values: FieldValues) => {
    if (working) return undefined;
    const fileIds = await uploadPhotos();
    if (fileIds === null) return undefined;
    const body = verifyBody(values as VerifyValues, record, fileIds, position.state);
    const outcome = await run({ verify: record.id, body }, (provider, key) => provider.verifyComplaint(record.id, body, key), {
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
    <Dialog
      open={open}
      onClose={working ? undefined : onClose}
      fullWidth
      fullScreen={isPhone}
      maxWidth="sm"
      scroll={isPhone ? 'paper' : 'body'}
      aria-labelledby="verify-dialog-title"
    >
      <Form onSubmit={submit} defaultValues={DEFAULTS} noValidate>
        <DialogTitle id="verify-dialog-title">
          {translate('resources.complaints.verify.title', { trackingNo: record.trackingNo })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1.5 }}>{translate('resources.complaints.verify.content')}</DialogContentText>
          <VerifyEvidence
            photos={photos}
            onPhotos={setPhotos}
            position={position.state}
            onRetryPosition={position.retry}
            disabled={working}
          />
          <VerifyInputs needsHouse={!record.buildingCode} />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={working}>
            {translate('ra.action.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={working}
            startIcon={working ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            {translate(uploading ? 'resources.work.verify.uploading' : 'resources.complaints.actions.submitVerify')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
