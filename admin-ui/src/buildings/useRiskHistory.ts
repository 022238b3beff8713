/** The house's risk tier history (`GET /api/buildings/:code/risk-history`), cached beside the house file. */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider/index.ts';

export function useRiskHistory(code: string | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['buildings', 'riskHistory', code],
    queryFn: ({ signal }) => dataProvider.riskHistory(code ?? '', signal),
    enabled: code !== undefined,
  });
}
