/**
 * The frame of the pages shown before the application opens (sign-in, the first password change): the
 * blue band over a light page, the card centred on a desktop and near the top on a phone. The white
 * title sits on the band: on a phone the band is as tall as the title's place at the top; on a desktop,
 * where the content is centred in a window of any height, the band ends at the middle of the window,
 * behind the card (a fixed 260 px band left the title white on the light page of a tall window).
 */
import { Box } from '@mui/material';
import type { ReactNode } from 'react';

export function AuthBackdrop({ children, phoneTopGap }: { children: ReactNode; phoneTopGap: number }) {
  return (
    <Box
      sx={{
        minHeight: '100dvh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: { xs: 'flex-start', sm: 'center' },
        px: 2,
        pt: { xs: phoneTopGap, sm: 0 },
        background: {
          xs: 'linear-gradient(180deg, #0d47a1 0, #1565c0 260px, #eef3fa 260px)',
          sm: 'linear-gradient(180deg, #0d47a1 0, #1565c0 50%, #eef3fa 50%)',
        },
      }}
    >
      {children}
    </Box>
  );
}
