/**
 * A query for a data provider call that is not react-admin CRUD (`fetcher` gets the typed data
 * provider). As through `useDataProvider`, a 401 signs the user out (`authProvider.checkError`);
 * unlike it, the query then fails instead of answering an empty `{ data }`, and other errors stay
 * with the caller.
 */
import { useQuery } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useLogoutIfAccessDenied } from 'react-admin';
import type { AppDataProvider } from '../../dataProvider/index.ts';
import { useAppDataProvider } from './useAppDataProvider.ts';

interface ApiQueryOptions<T> {
  enabled?: boolean;
  /** How long an answer stays fresh (a definition's diagram never changes: Infinity). */
  staleTime?: number;
  refetchInterval?: number | false | ((data: T | undefined) => number | false);
}

export function useApiQuery<T>(
  queryKey: QueryKey,
  fetcher: (dataProvider: AppDataProvider, signal: AbortSignal) => Promise<T>,
  options: ApiQueryOptions<T> = {},
) {
  const dataProvider = useAppDataProvider();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { refetchInterval } = options;
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      try {
        return await fetcher(dataProvider, signal);
      } catch (error) {
        await logoutIfAccessDenied(error);
        throw error;
      }
    },
    enabled: options.enabled ?? true,
    ...(options.staleTime === undefined ? {} : { staleTime: options.staleTime }),
    refetchInterval: typeof refetchInterval === 'function' ? (query) => refetchInterval(query.state.data) : refetchInterval,
  });
}
