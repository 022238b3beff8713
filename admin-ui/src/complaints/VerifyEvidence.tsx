/**
 * The evidence an on-site verification takes, as an inspection does: photos from the phone's camera
 * (shrunk for a weak network, each removable before sending) and the phone's position, watched while
 * the dialog is open so a GPS fix replaces the first coarse one. Without a position the verification
 * is still recorded, and says so.
 */
import { useEffect, useState } from 'react';
import { Box, Button, IconButton, Stack, Typography } from '@mui/material';
import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import CloseIcon from '@mui/icons-material/Close';
import MyLocationIcon from '@mui/icons-material/MyLocation';
import { useTranslate } from 'react-admin';
import { usePhotoAdder } from '../mobile/shared/usePhotoAdder.ts';
import type { PositionState } from '../mobile/shared/usePosition.ts';

/** A photo picked for the verification; `fileId` once the server holds it, so a retry does not upload it again. */
export interface EvidencePhoto {
  key: string;
  name: string;
  blob: Blob;
  fileId?: string;
}

/** As many as the API keeps for one verification. */
export const MAX_VERIFY_PHOTOS = 9;

function Thumb({ photo, label, onRemove }: { photo: EvidencePhoto; label: string; onRemove(): void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(photo.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [photo.blob]);
  return (
    <Box component="li" sx={{ position: 'relative', width: 72, height: 72, listStyle: 'none' }}>
      {url && <img src={url} alt={photo.name} style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 4 }} />}
      <IconButton
        size="small"
        aria-label={label}
        onClick={onRemove}
        sx={{ position: 'absolute', top: -8, right: -8, bgcolor: 'background.paper', boxShadow: 1, '&:hover': { bgcolor: 'grey.100' } }}
      >
        <CloseIcon fontSize="inherit" />
      </IconButton>
    </Box>
  );
}

function PositionLine({ state, onRetry }: { state: PositionState; onRetry(): void }) {
  const translate = useTranslate();
  const text =
    state.status === 'located'
      ? translate('resources.work.verify.located', { accuracy: state.position.accuracy })
      : translate(state.status === 'locating' ? 'resources.work.verify.locating' : 'resources.work.verify.noPosition');
  return (
    <Stack direction="row" spacing={1} alignItems="center" data-position={state.status}>
      <MyLocationIcon fontSize="small" color={state.status === 'located' ? 'success' : 'action'} />
      <Typography variant="body2" color={state.status === 'failed' ? 'warning.dark' : 'text.secondary'} sx={{ flex: 1 }}>
        {text}
      </Typography>
      {state.status === 'failed' && (
        <Button size="small" onClick={onRetry}>
          {translate('resources.work.verify.retryPosition')}
        </Button>
      )}
    </Stack>
  );
}

export function VerifyEvidence({
  photos,
  onPhotos,
  position,
  onRetryPosition,
  disabled,
}: {
  photos: EvidencePhoto[];
  onPhotos(update: (photos: EvidencePhoto[]) => EvidencePhoto[]): void;
  position: PositionState;
  onRetryPosition(): void;
  disabled: boolean;
}) {
  const translate = useTranslate();
  const { busy, add } = usePhotoAdder(onPhotos, MAX_VERIFY_PHOTOS);
  const full = photos.length >= MAX_VERIFY_PHOTOS;
  return (
    <Stack spacing={1.25} component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 1 }} aria-label={translate('resources.work.verify.photos')}>
      <Typography variant="subtitle2" component="legend">
        {translate('resources.work.verify.photos')}
      </Typography>
      {photos.length > 0 && (
        <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, p: 0, m: 0, pt: 1 }}>
          {photos.map((p, i) => (
            <Thumb
              key={p.key}
              photo={p}
              label={translate('resources.work.verify.removePhoto', { n: i + 1 })}
              onRemove={() => onPhotos((current) => current.filter((c) => c.key !== p.key))}
            />
          ))}
        </Box>
      )}
      <Stack direction="row" spacing={1.5} alignItems="center">
        <Button component="label" variant="outlined" startIcon={<AddAPhotoIcon />} disabled={disabled || busy || full}>
          {translate('resources.work.verify.takePhoto')}
          <input
            hidden
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            disabled={disabled || busy || full}
            onChange={(e) => void add(e)}
          />
        </Button>
        <Typography variant="caption" color="text.secondary">
          {translate('resources.work.verify.photoCount', { count: photos.length, max: MAX_VERIFY_PHOTOS })}
        </Typography>
      </Stack>
      <PositionLine state={position} onRetry={onRetryPosition} />
    </Stack>
  );
}
