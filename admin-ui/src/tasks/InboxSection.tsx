/**
 * One tab of the inbox that lists work other than case tasks (定期巡查, 待核实, 预警处置, 专项排查): a page of
 * items refreshed every 30 s, cards on phones (where inspectors work) and a table on wide screens, a
 * skeleton while it loads, the error as it came, and an empty state with the tab's own icon and words.
 * Each tab gives what differs: how to fetch a page, how to draw the cards and the table.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Box, Skeleton, Stack, Typography, useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import type { QueryKey } from '@tanstack/react-query';
import type { AppDataProvider } from '../dataProvider/index.ts';
import type { Page } from '../dataProvider/request.ts';
import { useApiQuery } from '../common/hooks/useApiQuery.ts';
import { PagePicker } from '../common/PagePicker.tsx';

const PER_PAGE = 25;
const REFRESH_MS = 30_000;

export interface InboxSectionProps<T> {
  /** The query's key; the page number is added. */
  queryKey: QueryKey;
  load(dataProvider: AppDataProvider, page: { page: number; perPage: number }, signal: AbortSignal): Promise<Page<T>>;
  /** The empty state: an icon and the words under it. */
  empty: { icon: ReactNode; text: string; marker?: string };
  /** A line above the list (what the tab holds, how to act). */
  hint?: string;
  /** Height of a loading card on a phone. */
  cardHeight: number;
  cards(items: T[]): ReactNode;
  table(items: T[]): ReactNode;
  /** Drawn after the list (a dialog the table opens). */
  children?: ReactNode;
}

export function InboxSection<T>({ queryKey, load, empty, hint, cardHeight, cards, table, children }: InboxSectionProps<T>) {
  const isPhone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [page, setPage] = useState(0);
  const list = useApiQuery(
    [...queryKey, page],
    (dataProvider, signal) => load(dataProvider, { page: page + 1, perPage: PER_PAGE }, signal),
    {
      refetchInterval: REFRESH_MS,
    },
  );
  if (list.isPending) {
    return (
      <Stack spacing={1.5} sx={{ p: 1 }}>
        <Skeleton variant="rounded" height={isPhone ? cardHeight : 48} />
        <Skeleton variant="rounded" height={isPhone ? cardHeight : 48} />
      </Stack>
    );
  }
  if (list.isError) {
    return (
      <Alert severity="error" sx={{ m: 1 }}>
        {list.error instanceof Error ? list.error.message : String(list.error)}
      </Alert>
    );
  }
  if (list.data.total === 0) {
    return (
      <Box
        sx={{ textAlign: 'center', py: 6, color: 'text.secondary', '& > svg': { fontSize: 56, opacity: 0.5 } }}
        {...emptyMarker(empty.marker)}
      >
        {empty.icon}
        <Typography variant="body1">{empty.text}</Typography>
      </Box>
    );
  }
  return (
    <Box sx={{ mt: 1 }}>
      {hint && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 1, pb: 1 }}>
          {hint}
        </Typography>
      )}
      {isPhone ? (
        <Stack spacing={1.5} sx={{ p: 1 }}>
          {cards(list.data.data)}
        </Stack>
      ) : (
        <Box sx={{ bgcolor: 'background.paper', borderRadius: 1, overflowX: 'auto' }}>{table(list.data.data)}</Box>
      )}
      <PagePicker total={list.data.total} page={page} perPage={PER_PAGE} onPage={setPage} />
      {children}
    </Box>
  );
}

/** A `data-…` attribute the browser tests find the empty state by. */
const emptyMarker = (marker: string | undefined) => (marker ? { [`data-${marker}`]: '' } : {});
