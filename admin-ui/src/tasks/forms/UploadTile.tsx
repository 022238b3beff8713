/** One picked file: its thumbnail (or a document icon), the upload's progress or failure, and a remove button. */
import { Box, IconButton, LinearProgress, Tooltip, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useTranslate } from 'react-admin';
import type { Upload } from './useUploads.ts';

export function UploadTile({ upload, onRemove }: { upload: Upload; onRemove(): void }) {
  const translate = useTranslate();
  const failed = upload.status === 'failed';
  return (
    <Box
      data-upload-status={upload.status}
      sx={{
        position: 'relative',
        width: 104,
        height: 104,
        borderRadius: 1,
        overflow: 'hidden',
        border: 2,
        borderColor: failed ? 'error.main' : upload.status === 'done' ? 'success.light' : 'divider',
        bgcolor: 'action.hover',
        flex: 'none',
      }}
    >
      {upload.preview ? (
        <Box
          component="img"
          src={upload.preview}
          alt={upload.name}
          sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
        />
      ) : (
        <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', height: '100%', p: 0.5 }}>
          <PictureAsPdfIcon color="error" />
          <Typography variant="caption" sx={{ overflowWrap: 'anywhere', textAlign: 'center', lineHeight: 1.2, mt: 0.5 }} noWrap>
            {upload.name}
          </Typography>
        </Box>
      )}
      {upload.status === 'uploading' && (
        <LinearProgress
          variant={upload.progress > 0 ? 'determinate' : 'indeterminate'}
          value={Math.round(upload.progress * 100)}
          aria-label={translate('resources.tasks.upload.uploading', { name: upload.name })}
          sx={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: 6 }}
        />
      )}
      {failed && (
        <Tooltip title={translate(upload.error ?? 'resources.tasks.upload.failed', { _: upload.error ?? '' })}>
          <Box
            role="alert"
            sx={{
              position: 'absolute',
              inset: 'auto 0 0 0',
              bgcolor: 'rgba(211,47,47,0.9)',
              color: '#fff',
              display: 'flex',
              alignItems: 'center',
              gap: 0.5,
              px: 0.5,
            }}
          >
            <ErrorOutlineIcon sx={{ fontSize: 14, flex: 'none' }} />
            <Typography variant="caption" sx={{ lineHeight: 1.25, py: 0.25 }}>
              {translate(upload.error ?? 'resources.tasks.upload.failed', { _: upload.error ?? '' })}
            </Typography>
          </Box>
        </Tooltip>
      )}
      <IconButton
        size="small"
        onClick={onRemove}
        aria-label={translate('resources.tasks.upload.remove', { name: upload.name })}
        sx={{
          position: 'absolute',
          top: 2,
          right: 2,
          bgcolor: 'rgba(0,0,0,0.55)',
          color: '#fff',
          '&:hover': { bgcolor: 'rgba(0,0,0,0.75)' },
        }}
      >
        <CloseIcon fontSize="small" />
      </IconButton>
    </Box>
  );
}
