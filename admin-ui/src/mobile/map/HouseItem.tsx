/** One house in view on the phone map, as a link to its page (开始排查 without scanning). */
import { Link } from 'react-router-dom';
import type { ViewFeature } from '../../map/useViewSummary.ts';

export const housePage = (code: string) => `/m/b/${encodeURIComponent(code)}`;

/** Where a feature is drawn and what it is, for the tests and screen readers. */
export const place = (f: { x: number; y: number; kind: string; count: number }) => ({
  'data-x': f.x.toFixed(1),
  'data-y': f.y.toFixed(1),
  'data-kind': f.kind,
  'data-count': f.count,
});

export function HouseItem({ house }: { house: ViewFeature }) {
  return (
    <li>
      <Link to={housePage(house.code ?? house.id)} data-single={house.id} data-code={house.code} {...place(house)}>
        {house.code}
      </Link>
    </li>
  );
}
