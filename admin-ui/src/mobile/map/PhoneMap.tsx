/**
 * The inspector's village on the phone: every house, those due for inspection large with a blue ring.
 * A tap on a house opens its page with its actions (开始排查) as a scan of its label would, so a house
 * whose label is missing can still be inspected; a tap on a cluster zooms in. Under the map, the due
 * houses with their addresses, nearest first (`DueList`, from the API: the tiles carry no addresses).
 */
import { useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { tileUrl } from '../../map/tiles.ts';
import type { MapConfig, MapSummary } from '../../map/types.ts';
import { useMapClicks, zoomInto } from '../../map/useMapClicks.ts';
import { useDataLayers, useFitBounds } from '../../map/useMapData.ts';
import { useMapLibre } from '../../map/useMapLibre.ts';
import { useViewSummary } from '../../map/useViewSummary.ts';
import { DueList } from './DueList.tsx';
import { HouseItem, housePage, place } from './HouseItem.tsx';
import { MAP_TEXT } from './text.ts';

const WORDS = { approximate: MAP_TEXT.approximate };

export function PhoneMap({ config, summary }: { config: MapConfig; summary: MapSummary }) {
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const tiles = tileUrl(window.location.origin, 'houses', {});
  const map = useMapLibre(container, config, WORDS, {
    bounds: summary.bounds,
    fitKey: 'mine',
    data: { kind: 'houses', tiles, threeD: false, highlightDue: true },
  });
  useDataLayers(map, 'houses', tiles, false, true);
  useFitBounds(map, summary.bounds, 'mine');
  useMapClicks(map, { onHouse: (code) => navigate(housePage(code)), onComplaint: () => undefined });
  const view = useViewSummary(map, 'houses');
  return (
    <>
      <div
        className="phone-map"
        data-map="houses"
        data-map-ready={view ? 'true' : 'false'}
        data-zoom={view?.zoom.toFixed(2)}
        data-pitch={view?.pitch.toFixed(0)}
        data-blocks={view?.blocks}
      >
        <div className="phone-map-frame">
          <div ref={container} style={{ width: '100%', height: '100%' }} role="region" aria-label={MAP_TEXT.mapLabel} />
        </div>
      </div>
      <DueList />
      {/* Out of sight: every cluster and house in view, for screen readers and the tests. */}
      <nav className="phone-map-hidden" aria-label={MAP_TEXT.inView} data-view-list>
        <ul>
          {view?.clusters.map((c) => (
            <li key={c.id}>
              <button type="button" data-cluster {...place(c)} onClick={() => map && zoomInto(map, [c.lng, c.lat])}>
                {c.count}
              </button>
            </li>
          ))}
          {view?.singles.map((s) => (
            <HouseItem key={s.id} house={s} />
          ))}
        </ul>
      </nav>
    </>
  );
}
