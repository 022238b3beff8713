/**
 * The complaint map's drawing arithmetic: a local equirectangular projection around the citizen's
 * position (north up, exact enough within a few hundred metres, and the same flat Earth the API
 * measures distances on), the zoom that fits what is shown, and a round length for the scale bar.
 */
import type { Point } from './nearbyApi.ts';

/** The drawing's size in SVG units; on a 390 px phone one unit is about one CSS pixel. */
export const MAP_W = 320;
export const MAP_H = 280;
/** Room kept between a house's dot and the map's edge. */
const EDGE = 22;
const METRES_PER_DEGREE = 111_195;
/** The closest and the farthest the map zooms: at least 80 m, at most 400 m either side of the centre. */
const MIN_HALF_M = 80;
const MAX_HALF_M = 400;
/** A position known only to a kilometre would shrink everything else to a speck: its circle is cut off instead. */
const MAX_FITTED_ACCURACY_M = 150;

/** A view: the centre and how many SVG units a metre takes. */
export interface View {
  centre: Point;
  scale: number;
}

/** Metres east and north of the centre. */
function offset(view: View, p: Point): { east: number; north: number } {
  const cos = Math.cos((view.centre.latitude * Math.PI) / 180);
  return {
    east: (p.longitude - view.centre.longitude) * METRES_PER_DEGREE * cos,
    north: (p.latitude - view.centre.latitude) * METRES_PER_DEGREE,
  };
}

/** Where a point is drawn. */
export function project(view: View, p: Point): { x: number; y: number } {
  const { east, north } = offset(view, p);
  return { x: MAP_W / 2 + east * view.scale, y: MAP_H / 2 - north * view.scale };
}

/** The point drawn at (x, y), to six decimals (about 10 cm), as the phone's own fix is kept. */
export function unproject(view: View, x: number, y: number): Point {
  const cos = Math.cos((view.centre.latitude * Math.PI) / 180);
  const east = (x - MAP_W / 2) / view.scale;
  const north = (MAP_H / 2 - y) / view.scale;
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    latitude: round(view.centre.latitude + north / METRES_PER_DEGREE),
    longitude: round(view.centre.longitude + east / (METRES_PER_DEGREE * cos)),
  };
}

/** The view centred on `centre` that shows every point and the accuracy circle, within the zoom limits. */
export function fitView(centre: Point, points: Point[], accuracyM: number | null): View {
  const probe: View = { centre, scale: 1 };
  const radius = Math.min(accuracyM ?? 0, MAX_FITTED_ACCURACY_M);
  let scale = (MAP_W / 2 - EDGE) / MIN_HALF_M;
  for (const p of points) {
    const { east, north } = offset(probe, p);
    if (Math.abs(east) > 0) scale = Math.min(scale, (MAP_W / 2 - EDGE) / Math.abs(east));
    if (Math.abs(north) > 0) scale = Math.min(scale, (MAP_H / 2 - EDGE) / Math.abs(north));
  }
  if (radius > 0) scale = Math.min(scale, MAP_H / 2 / radius);
  return { centre, scale: Math.max(scale, MAP_W / 2 / MAX_HALF_M) };
}

/** The scale bar: 100 m, or 200 m when zoomed out so far that 100 m would be too short to read. */
export function scaleBar(scale: number): { metres: number; length: number } {
  const metres = 100 * scale < 50 ? 200 : 100;
  return { metres, length: metres * scale };
}

/** Metres from the grid's lines to the next: a light grid every 50 m (100 m when zoomed out). */
export const gridStep = (scale: number) => (scale * 50 < 24 ? 100 : 50);
