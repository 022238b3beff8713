/**
 * The list behind a figure: a dimension value of the statistics model → the list endpoint's query
 * parameters that select the same rows (issue 17 §1). The registry (`buildings`) and the case list
 * share the house filters' names; the case list adds the case's own. Pure, so the UI may read it too.
 */
import type { ListLink } from './api.ts';
import { FLOORS_BANDS, YEAR_BANDS } from './dimensions.ts';
import type { CaseDimension, HouseDimension } from './dimensions.ts';

export type LinkFilter = ListLink['filter'];

/** The list filters selecting houses of one value of a house dimension (`region`: a region code). */
export function houseFilter(dimension: HouseDimension, value: string): LinkFilter {
  switch (dimension) {
    case 'region':
      return { regionCode: value };
    case 'floorsBand': {
      const band = FLOORS_BANDS.find((b) => b.id === value);
      if (!band) throw new RangeError(`unknown floors band ${value}`);
      return band.max === null ? { minFloors: band.min } : { minFloors: band.min, maxFloors: band.max };
    }
    case 'yearBand': {
      const band = YEAR_BANDS.find((b) => b.id === value);
      if (!band || band.id === 'unknown') return { yearUnknown: true };
      const out: LinkFilter = {};
      if (band.from !== null) out.yearFrom = band.from;
      if (band.to !== null) out.yearTo = band.to;
      return out;
    }
    default:
      return { [dimension]: value };
  }
}

/** The case list filters of one value of a case dimension (`month`: YYYY-MM, within the period). */
export function caseFilter(dimension: CaseDimension, value: string, period: { from: string; to: string }): LinkFilter {
  if (dimension !== 'month') return { [dimension]: value };
  const first = `${value}-01`;
  const last = new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return { createdFrom: first > period.from ? first : period.from, createdTo: last < period.to ? last : period.to };
}
