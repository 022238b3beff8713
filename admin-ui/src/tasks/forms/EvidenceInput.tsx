/**
 * Photos and documents for a step's form. On a phone 拍照 opens the camera directly
 * (`capture="environment"`); the other button picks from the gallery or disk. Each file uploads at
 * once to the case, shows its thumbnail and progress, and can be removed; the form value is the
 * stored files' ids (one id for a `single` document such as the appraisal report). Submitting waits
 * for no upload: one still running is reported on the field.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { ChangeEvent } from 'react';
import { Box, Button, FormHelperText, FormLabel, Stack } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import { InputHelperText, useInput, useTranslate } from 'react-admin';
import { UploadTile } from './UploadTile.tsx';
import { ACCEPT_ATTRIBUTE, useUploads } from './useUploads.ts';
import type { Accept } from './useUploads.ts';

interface EvidenceInputProps {
  source: string;
  label: string;
  caseId: string;
  accept: Accept;
  /** How many files the step requires (0 = optional). */
  min?: number;
  /** One document; the value is its id, and a new pick replaces it. */
  single?: boolean;
  helperText?: string;
}

const MAX_FILES = 20;

export function EvidenceInput({ source, label, caseId, accept, min = 0, single = false, helperText }: EvidenceInputProps) {
  const translate = useTranslate();
  const pending = useRef(0);
  const validate = useCallback(
    (value: unknown) => {
      if (pending.current > 0) return 'resources.tasks.upload.pending';
      const count = single ? (typeof value === 'string' && value !== '' ? 1 : 0) : Array.isArray(value) ? value.length : 0;
      if (count < min) return accept === 'pdf' ? 'resources.tasks.upload.requiredFile' : 'resources.tasks.upload.required';
      if (count > MAX_FILES) return 'resources.tasks.upload.tooMany';
      return undefined;
    },
    [accept, min, single],
  );
  const { field, fieldState, id } = useInput({ source, validate, defaultValue: single ? undefined : [] });
  const { uploads, add, remove } = useUploads(caseId, accept);
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const { onChange, value } = field;

  useEffect(() => {
    pending.current = uploads.filter((u) => u.status === 'uploading').length;
    const ids = uploads.flatMap((u) => (u.status === 'done' && u.id ? [u.id] : []));
    const next = single ? ids[ids.length - 1] : ids;
    if (JSON.stringify(next ?? null) !== JSON.stringify(value ?? (single ? null : []))) onChange(next);
  }, [uploads, single, onChange, value]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (files.length === 0) return;
    if (single) for (const u of uploads) remove(u.key);
    add(single ? files.slice(0, 1) : files);
  };

  const error = fieldState.error?.message;
  const images = accept !== 'pdf';
  const pickLabel = accept === 'pdf' ? 'pickPdf' : accept === 'images' ? 'pickPhotos' : 'pickFiles';
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2, minWidth: 0 }} data-source={source}>
      <FormLabel component="legend" htmlFor={id} required={min > 0} error={Boolean(error)} sx={{ mb: 1 }}>
        {translate(label)}
      </FormLabel>
      {images && (
        <input
          ref={camera}
          type="file"
          accept="image/*"
          capture="environment"
          multiple={!single}
          hidden
          onChange={choose}
          data-testid={`${source}-camera`}
        />
      )}
      <input
        ref={picker}
        id={id}
        type="file"
        accept={ACCEPT_ATTRIBUTE[accept]}
        multiple={!single}
        hidden
        onChange={choose}
        data-testid={`${source}-picker`}
      />
      <Stack direction="row" spacing={1} sx={{ mb: 1.5 }}>
        {images && (
          <Button
            variant="outlined"
            size="large"
            startIcon={<PhotoCameraIcon />}
            onClick={() => camera.current?.click()}
            sx={{ flex: { xs: 1, sm: 'none' } }}
          >
            {translate('resources.tasks.upload.camera')}
          </Button>
        )}
        <Button
          variant="outlined"
          size="large"
          startIcon={<AttachFileIcon />}
          onClick={() => picker.current?.click()}
          sx={{ flex: { xs: 1, sm: 'none' } }}
        >
          {translate(`resources.tasks.upload.${pickLabel}`)}
        </Button>
      </Stack>
      {uploads.length > 0 && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 1 }} aria-live="polite">
          {uploads.map((upload) => (
            <UploadTile key={upload.key} upload={upload} onRemove={() => remove(upload.key)} />
          ))}
        </Box>
      )}
      <FormHelperText error={Boolean(error)} sx={{ mx: 0 }}>
        <InputHelperText
          error={error}
          helperText={helperText ?? (accept === 'images' ? 'resources.tasks.upload.limitsImages' : 'resources.tasks.upload.limits')}
        />
      </FormHelperText>
    </Box>
  );
}
