/** The house file of one building (history and related records), cached beside the building. */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';

export function useHouseFile(code: string | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['buildings', 'houseFile', code],
    queryFn: ({ signal }) => dataProvider.houseFile(code ?? '', signal),
    enabled: code !== undefined,
  });
}
