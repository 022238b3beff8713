/**
 * The registry list's filters over the map. On a phone they fold away behind one button (showing how
 * many are set), so the map is on screen first.
 */
import FilterListIcon from '@mui/icons-material/FilterList';
import { Badge, Box, Button, Collapse, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import { useState } from 'react';
import type { ReactElement } from 'react';
import { FilterButton, FilterForm, useListContext, useTranslate } from 'react-admin';

export function MapFilters({ filters }: { filters: ReactElement[] }) {
  const translate = useTranslate();
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const { filterValues } = useListContext();
  const [open, setOpen] = useState(false);
  const set = Object.values(filterValues as Record<string, unknown>).filter((v) => v !== undefined && v !== null && v !== '').length;
  const form = (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', flexWrap: 'wrap', gap: 1, '& .RaFilterForm-root': { flex: 1, minWidth: 0 } }}>
      <FilterForm filters={filters} />
      <FilterButton filters={filters} />
    </Box>
  );
  if (!isPhone) return form;
  return (
    <Box>
      <Button
        size="small"
        startIcon={
          <Badge badgeContent={set} color="primary">
            <FilterListIcon />
          </Badge>
        }
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
      >
        {translate('resources.map.filters')}
      </Button>
      <Collapse in={open}>{form}</Collapse>
    </Box>
  );
}
