/**
 * Picks the region a statistics page covers, by typing part of its name (`GET /api/regions?q=`, only
 * regions within the reader's scope). Cleared, the page covers the reader's own region.
 */
import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useGetList, useGetOne, useTranslate } from 'react-admin';
import type { RegionListItem } from '../regions/types.ts';

type RegionRow = RegionListItem & { id: string };

export function RegionPicker({ value, onChange }: { value: string | undefined; onChange: (code: string | undefined) => void }) {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const { data: options = [] } = useGetList<RegionRow>('regions', {
    filter: { q: input.trim() },
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'code', order: 'ASC' },
  });
  const { data: current } = useGetOne<RegionRow>('regions', { id: value ?? '' }, { enabled: Boolean(value) });
  const selected = value ? (options.find((o) => o.code === value) ?? current ?? null) : null;
  return (
    <Autocomplete<RegionRow>
      size="small"
      options={options}
      value={selected}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      onInputChange={(_, text, reason) => reason === 'input' && setInput(text)}
      onChange={(_, option) => onChange(option?.code)}
      renderOption={(props, option) => (
        <li {...props} key={option.code}>
          {option.name}
          <span style={{ marginLeft: 8, opacity: 0.6, fontSize: '0.8em' }}>
            {translate(`app.regionLevels.${option.level}`, { _: option.level })}
          </span>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('resources.stats.pivot.region')}
          placeholder={translate('resources.stats.pivot.regionAll')}
        />
      )}
      sx={{ width: { xs: '100%', sm: 240 } }}
    />
  );
}
