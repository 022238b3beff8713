/**
 * The complaint map, drawn from the platform's own data (there are no map tiles to show): the
 * citizen's position at the centre with its accuracy circle, the registered houses nearby as
 * numbered dots, the complaint's position as a red pin once moved, north up and a scale bar. Tapping a house
 * says the complaint is about it; tapping anywhere else moves the complaint's position there.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { COMPLAIN_TEXT } from './text.ts';
import { MAP_H, MAP_W, fitView, gridStep, project, scaleBar, unproject } from './mapGeometry.ts';
import type { View } from './mapGeometry.ts';
import type { NearHouse, Point } from './nearbyApi.ts';

/** What a house's dot and its list row say: where it is and how far (from the citizen, or from a spot picked or typed). */
export function houseWords(house: NearHouse, pinned: boolean): { address: string; distance: string } {
  return {
    address: house.address ?? COMPLAIN_TEXT.noAddress,
    distance: (pinned ? COMPLAIN_TEXT.fromPin : COMPLAIN_TEXT.fromYou)(house.distanceM),
  };
}

/** Light lines every 50 m (100 m zoomed out) through the centre, so distances read at a glance. */
function Grid({ scale }: { scale: number }) {
  const step = gridStep(scale) * scale;
  const lines = [];
  for (let k = -Math.floor(MAP_W / 2 / step); k * step <= MAP_W / 2; k++) {
    const x = MAP_W / 2 + k * step;
    lines.push(<line key={`x${k}`} x1={x} x2={x} y1={0} y2={MAP_H} />);
  }
  for (let k = -Math.floor(MAP_H / 2 / step); k * step <= MAP_H / 2; k++) {
    const y = MAP_H / 2 + k * step;
    lines.push(<line key={`y${k}`} x1={0} x2={MAP_W} y1={y} y2={y} />);
  }
  return <g className="cmp-map-grid">{lines}</g>;
}

function ScaleBar({ scale }: { scale: number }) {
  const { metres, length } = scaleBar(scale);
  const y = MAP_H - 14;
  return (
    <g className="cmp-map-scale" data-metres={metres}>
      <rect x={8} y={y - 22} width={length + 16} height={30} rx={6} className="cmp-map-scale-back" />
      <path d={`M16 ${y - 6} V${y} H${16 + length} V${y - 6}`} className="cmp-map-scale-bar" data-scale-bar />
      <text x={16 + length / 2} y={y - 8} textAnchor="middle">
        {COMPLAIN_TEXT.metres(metres)}
      </text>
    </g>
  );
}

function North() {
  return (
    <g className="cmp-map-north" transform={`translate(${MAP_W - 22} 24)`}>
      <circle r={16} />
      <path d="M0 -11 L5 1 L0 -2 L-5 1 Z" />
      <text y={12} textAnchor="middle">
        {COMPLAIN_TEXT.north}
      </text>
    </g>
  );
}

/** The red pin whose tip is the complaint's position. */
function Pin({ x, y }: { x: number; y: number }) {
  return (
    <g className="cmp-map-pin" data-pin transform={`translate(${x} ${y})`}>
      <path d="M0 0 C-3 -9 -11 -14 -11 -22 A11 11 0 1 1 11 -22 C11 -14 3 -9 0 0 Z" />
      <circle cy={-22} r={4} />
    </g>
  );
}

function HouseDot({
  house,
  n,
  view,
  pinned,
  onChoose,
}: {
  house: NearHouse;
  n: number;
  view: View;
  pinned: boolean;
  onChoose: () => void;
}) {
  const { x, y } = project(view, house);
  const { address, distance } = houseWords(house, pinned);
  const choose = (e: MouseEvent | KeyboardEvent) => {
    // The map's own tap would move the pin under the house too.
    e.stopPropagation();
    onChoose();
  };
  return (
    <g
      className="cmp-map-house"
      role="button"
      tabIndex={0}
      aria-label={COMPLAIN_TEXT.houseDot(n, address, distance)}
      data-code={house.code}
      transform={`translate(${x} ${y})`}
      onClick={choose}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          choose(e);
        }
      }}
    >
      {/* A 40-unit target (over 40 px on a phone), far larger than the dot a thumb aims at. */}
      <circle r={20} className="cmp-map-hit" />
      <circle r={11} className="cmp-map-dot" />
      <text y={4} textAnchor="middle">
        {n}
      </text>
    </g>
  );
}

export function ComplaintMap({
  own,
  accuracy,
  pin,
  houses,
  onPin,
  onHouse,
}: {
  own: Point;
  accuracy: number | null;
  pin: Point | null;
  houses: NearHouse[];
  onPin: (point: Point) => void;
  onHouse: (house: NearHouse) => void;
}) {
  // Fitted to the houses around the citizen; once they tap, the map holds still, so the pin stays
  // under their finger while the houses around the new spot arrive (those off the map are in the list).
  const held = useRef<View | null>(null);
  const fitted = useMemo(() => fitView(own, houses, accuracy), [own, houses, accuracy]);
  const view = pin && held.current ? held.current : fitted;
  useEffect(() => {
    held.current = view;
  });
  const centre = project(view, own);
  const spot = pin && project(view, pin);
  const tap = (e: MouseEvent<SVGSVGElement>) => {
    const matrix = e.currentTarget.getScreenCTM();
    if (!matrix) return;
    const at = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix.inverse());
    onPin(unproject(view, at.x, at.y));
  };
  return (
    <>
      <svg className="cmp-map" viewBox={`0 0 ${MAP_W} ${MAP_H}`} role="group" aria-label={COMPLAIN_TEXT.mapLabel} onClick={tap}>
        <rect width={MAP_W} height={MAP_H} className="cmp-map-land" />
        <Grid scale={view.scale} />
        {accuracy !== null && <circle className="cmp-map-accuracy" cx={centre.x} cy={centre.y} r={accuracy * view.scale} />}
        <circle className="cmp-map-you" data-you cx={centre.x} cy={centre.y} r={7} />
        {spot && <line className="cmp-map-moved" x1={centre.x} y1={centre.y} x2={spot.x} y2={spot.y} />}
        {spot && <Pin x={spot.x} y={spot.y} />}
        {houses.map((h, i) => (
          <HouseDot key={h.code} house={h} n={i + 1} view={view} pinned={pin !== null || accuracy === null} onChoose={() => onHouse(h)} />
        ))}
        <North />
        <ScaleBar scale={view.scale} />
      </svg>
      <p className="cmp-map-legend" aria-hidden="true">
        <span className="cmp-key-you">{accuracy === null ? COMPLAIN_TEXT.keyTyped : COMPLAIN_TEXT.keyYou}</span>
        {houses.length > 0 && <span className="cmp-key-house">{COMPLAIN_TEXT.keyHouse}</span>}
        {pin && <span className="cmp-key-pin">{COMPLAIN_TEXT.keyPin}</span>}
      </p>
    </>
  );
}
