/**
 * A query for the case and task calls that are not react-admin CRUD. Like the data provider's calls,
 * a 401 signs the user out (`authProvider.checkError`); other errors stay with the caller.
 */
import { useQuery } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useLogoutIfAccessDenied } from 'react-admin';

interface ApiQueryOptions<T> {
  enabled?: boolean;
  /** How long an answer stays fresh (a definition's diagram never changes: Infinity). */
  staleTime?: number;
  refetchInterval?: number | false | ((data: T | undefined) => number | false);
}

export function useApiQuery<T>(queryKey: QueryKey, fetcher: (signal: AbortSignal) => Promise<T>, options: ApiQueryOptions<T> = {}) {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const { refetchInterval } = options;
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      try {
        return await fetcher(signal);
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
