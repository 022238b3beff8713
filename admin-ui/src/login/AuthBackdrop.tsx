/**
 * The frame of the pages shown before the application opens (sign-in, the first password change): the
 * blue band over a light page, the card centred on a desktop and near the top on a phone.
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
        background: 'linear-gradient(180deg, #0d47a1 0, #1565c0 260px, #eef3fa 260px)',
      }}
    >
      {children}
    </Box>
  );
}
