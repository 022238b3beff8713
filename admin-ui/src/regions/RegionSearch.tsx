/** Finds a region by name within the user's scope and opens it. */
import { useEffect, useState } from 'react';
import { InputAdornment, LinearProgress, List, ListItemButton, ListItemText, Paper, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useGetList, useNavigate, useTranslate } from 'react-admin';
import type { RegionListItem } from './types.ts';

const DEBOUNCE_MS = 300;

export function RegionSearch() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const { data, isFetching } = useGetList<RegionListItem>(
    'regions',
    { filter: { q }, pagination: { page: 1, perPage: 20 }, sort: { field: 'code', order: 'ASC' } },
    { enabled: q !== '' },
  );

  const open = (code: string) => {
    setText('');
    setQ('');
    navigate(`/regions/${code}`);
  };

  return (
    <>
      <TextField
        type="search"
        size="small"
        fullWidth
        value={text}
        onChange={(e) => setText(e.target.value)}
        label={translate('resources.regions.search.label')}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      {q !== '' && (
        <Paper variant="outlined" sx={{ mt: 1, maxHeight: 320, overflowY: 'auto' }}>
          {isFetching && <LinearProgress />}
          {data && data.length === 0 && !isFetching && (
            <Typography variant="body2" color="text.secondary" sx={{ p: 1.5 }}>
              {translate('resources.regions.search.noResults', { q })}
            </Typography>
          )}
          <List dense disablePadding>
            {data?.map((r) => (
              <ListItemButton key={r.code} onClick={() => open(r.code)}>
                <ListItemText primary={r.name} secondary={`${r.path} · ${r.code}`} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
    </>
  );
}
