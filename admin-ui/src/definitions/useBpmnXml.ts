/** The diagram of one definition version; a version never changes, so it is fetched once per page life. */
import { useApiQuery } from '../common/hooks/useApiQuery.ts';

export function useBpmnXml(version: number | undefined) {
  return useApiQuery(['definitions', 'hazard', version, 'bpmn'], (dataProvider, signal) => dataProvider.bpmnXml(version ?? 0, signal), {
    enabled: version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
