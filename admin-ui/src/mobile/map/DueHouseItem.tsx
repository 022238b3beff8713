/**
 * One house due for inspection, as a link to its page (开始排查 without scanning): where it is, how far,
 * and when its 定期巡查 is due.
 */
import { Link } from 'react-router-dom';
import { TIER_COLOURS } from '../../stats/colours.ts';
import { housePage } from './HouseItem.tsx';
import type { DueHouse } from './mapApi.ts';
import { MAP_TEXT } from './text.ts';

export function DueHouseItem({ house }: { house: DueHouse }) {
  return (
    <li>
      <Link
        to={housePage(house.code)}
        className="phone-due"
        style={{ borderLeftColor: TIER_COLOURS[house.riskTier] }}
        data-due={house.code}
        data-distance={house.distanceM ?? undefined}
      >
        <span className="phone-due-main">
          <span className="phone-due-address">{house.address}</span>
          {/* Each part wraps whole: a narrow phone breaks the line between them, never inside one. */}
          <span className="phone-due-meta">
            <span className="phone-due-code">{house.code}</span>
            <span>{MAP_TEXT.tier(house.riskTier)}</span>
            <span>{house.lastInspectedOn ? MAP_TEXT.lastInspected(house.lastInspectedOn) : MAP_TEXT.neverInspected}</span>
            {house.dueAt && <span data-due-at={house.dueAt}>{MAP_TEXT.dueOn(house.dueAt)}</span>}
          </span>
        </span>
        {house.distanceM !== null && <span className="phone-due-distance">{MAP_TEXT.distance(house.distanceM)}</span>}
      </Link>
    </li>
  );
}
