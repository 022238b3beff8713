/** The files of one trail entry: photos as thumbnails, documents as named links; each opens in full. */
import { Box, Chip } from '@mui/material';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useTranslate } from 'react-admin';
import { PhotoThumbnail } from '../common/PhotoThumbnail.tsx';
import { caseFileUrl } from '../dataProvider/cases.ts';
import type { CaseFile } from './types.ts';

export function EvidenceFiles({ caseId, files }: { caseId: string; files: CaseFile[] }) {
  const translate = useTranslate();
  if (files.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
      {files.map((file) => {
        const url = caseFileUrl(caseId, file.id);
        const title = translate('resources.cases.timeline.file', { name: file.name, sha256: file.sha256.slice(0, 12) });
        return file.mime.startsWith('image/') ? (
          <PhotoThumbnail key={file.id} url={url} name={file.name} title={title} size={72} />
        ) : (
          <Chip
            key={file.id}
            component="a"
            href={url}
            target="_blank"
            rel="noopener"
            clickable
            icon={<PictureAsPdfIcon />}
            label={file.name}
            title={title}
            variant="outlined"
            sx={{ maxWidth: '100%' }}
          />
        );
      })}
    </Box>
  );
}
