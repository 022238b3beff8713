/**
 * A photo as a square thumbnail linking to the full picture in a new tab. The image loads straight
 * from the API, the session cookie authenticating it as for a case's evidence.
 */
import { Box } from '@mui/material';

export function PhotoThumbnail({ url, name, title, size = 112 }: { url: string; name: string; title: string; size?: number }) {
  return (
    <Box
      component="a"
      href={url}
      target="_blank"
      rel="noopener"
      title={title}
      sx={{ display: 'block', width: size, height: size, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}
    >
      <Box
        component="img"
        src={url}
        alt={name}
        loading="lazy"
        sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }}
      />
    </Box>
  );
}
