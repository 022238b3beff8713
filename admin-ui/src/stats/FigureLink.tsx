/**
 * A figure as the pages show it: the number, and when it counts one list, a link to that list with
 * the same filters (its total equals the number). `name` marks it for tests (`data-figure`).
 */
import { Link as MuiLink } from '@mui/material';
import type { SxProps, Theme } from '@mui/material';
import { Link } from 'react-router-dom';
import type { Figure } from '../../../domain/statistics/api.ts';
import { linkHref } from './links.ts';
import { count } from './params.ts';

export interface FigureLinkProps {
  figure: Figure | undefined;
  name: string;
  /** What the number counts, for the link's accessible name ("红色 12"). */
  label?: string;
  sx?: SxProps<Theme>;
}

export function FigureLink({ figure, name, label, sx }: FigureLinkProps) {
  if (!figure) return <span>—</span>;
  const text = count(figure.value);
  if (!figure.link) {
    return (
      <MuiLink component="span" underline="none" color="inherit" data-figure={name} data-value={figure.value} sx={sx}>
        {text}
      </MuiLink>
    );
  }
  return (
    <MuiLink
      component={Link}
      to={linkHref(figure.link)}
      underline="hover"
      color="inherit"
      data-figure={name}
      data-value={figure.value}
      aria-label={label ? `${label} ${text}` : undefined}
      sx={[{ fontVariantNumeric: 'tabular-nums' }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      {text}
    </MuiLink>
  );
}
