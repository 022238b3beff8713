/** The completeness report's shape, shared by the API and the admin UI. */
import type { ListLink } from '../statistics/api.ts';
import type { Gap } from './gaps.ts';

/** A count and the registry list it counts. */
export interface Figure {
  value: number;
  link: ListLink;
}

export interface CompletenessRow {
  code: string;
  name: string;
  /** The town of a village; null on towns and the total. */
  townCode: string | null;
  houses: Figure;
  gaps: Record<Gap, Figure>;
}

export interface CompletenessReport {
  region: { code: string; name: string; level: string };
  computedAt: string;
  gaps: { key: Gap; label: string }[];
  villages: CompletenessRow[];
  towns: CompletenessRow[];
  total: CompletenessRow;
}
