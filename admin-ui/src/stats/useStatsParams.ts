/**
 * The cockpit's region and period, kept in the page's address (`?region=&from=&to=`): a drill-down is
 * a navigation (the back button goes up again) and a view can be shared. Without a region the API
 * answers for the reader's own.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { defaultPeriod, isMonth } from './params.ts';

export function useStatsParams() {
  const [search, setSearch] = useSearchParams();
  const fallback = defaultPeriod();
  const region = search.get('region') ?? undefined;
  let from = isMonth(search.get('from')) ? (search.get('from') as string) : fallback.from;
  let to = isMonth(search.get('to')) ? (search.get('to') as string) : fallback.to;
  if (from > to) [from, to] = [to, from];
  const update = useCallback(
    (changes: Record<string, string | undefined>, replace = false) => {
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace },
      );
    },
    [setSearch],
  );
  return { region, from, to, search, update };
}
