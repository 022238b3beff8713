/** One labelled figure of a card: its name over its number (a link to its list), and a note under it. */
import { Box, Typography } from '@mui/material';
import type { Figure } from '../../../domain/statistics/api.ts';
import { FigureLink } from '../stats/FigureLink.tsx';

export interface FigureTileProps {
  name: string;
  label: string;
  figure?: Figure | undefined;
  /** A value that is not a count (a rate), shown instead of `figure`. */
  text?: string;
  note?: string | undefined;
  colour?: string | undefined;
  size?: 'large' | 'medium';
}

export function FigureTile({ name, label, figure, text, note, colour, size = 'medium' }: FigureTileProps) {
  return (
    <Box sx={{ minWidth: 0 }} data-tile={name}>
      <Typography variant="body2" color="text.secondary" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        {colour && <Box component="span" sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: colour, flex: 'none' }} />}
        {label}
      </Typography>
      <Typography
        component="div"
        sx={{
          fontWeight: 700,
          lineHeight: 1.2,
          fontSize: size === 'large' ? { xs: '1.75rem', md: '2.125rem' } : { xs: '1.375rem', md: '1.5rem' },
          color: colour,
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        {text !== undefined ? <span data-figure={name}>{text}</span> : <FigureLink figure={figure} name={name} label={label} />}
      </Typography>
      {note && (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      )}
    </Box>
  );
}

/** Tiles side by side, wrapping on narrow screens. */
export function TileRow({ children, min = 110 }: { children: React.ReactNode; min?: number }) {
  return <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))`, gap: 2 }}>{children}</Box>;
}
