/**
 * Approximate outlines of a region drawn around its houses' positions (issue 18 §2): no official
 * boundary is available offline, so a village's outline is the concave hull of its houses (concaveman),
 * pushed out by a margin so that no house sits on the line; a town's is drawn the same way around its
 * villages' outlines. Pure geometry in WGS-84 [longitude, latitude]; the hull itself is computed in
 * local metres (an equirectangular projection about the points' median, exact enough at town scale),
 * so the parameters below are distances on the ground.
 */
import concaveman from 'concaveman';
import { convexHull, fillNotches, isSimpleRing, ringArea, ringContains } from './rings.ts';
import type { Xy } from './rings.ts';

/** [longitude, latitude] in degrees (WGS-84). */
export type Position = [number, number];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type OutlineGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface HullParams {
  /** concaveman's relative concavity: 1 follows the points closely, Infinity is the convex hull. */
  concavity: number;
  /** Edges shorter than this (metres) are not dug into further: the outline's grain. */
  lengthThresholdM: number;
  /** How far the outline stands off the outermost houses (metres). */
  marginM: number;
  /** Radius of the circle drawn around one house, or around a row of houses in a line (metres). */
  smallRadiusM: number;
  /** Points farther than this many times the median distance from the median point are left out (a mistyped position). */
  outlierFactor?: number;
}

/** A village: the grain of a cluster of houses. */
export const VILLAGE_HULL: HullParams = { concavity: 2, lengthThresholdM: 150, marginM: 25, smallRadiusM: 60, outlierFactor: 6 };
/** A town, drawn around its villages' outlines: coarser, so that it reads as one area. */
export const TOWN_HULL: HullParams = { concavity: 2.5, lengthThresholdM: 800, marginM: 50, smallRadiusM: 100 };
/** An outlier is never closer than this to the median point (metres): a spread-out village keeps its houses. */
const OUTLIER_MIN_M = 3000;

const M_PER_DEGREE_LAT = 110_574;
const M_PER_DEGREE_LON_EQUATOR = 111_320;

export interface Hull {
  geometry: PolygonGeometry;
  /** Houses left out as far from all the others (a mistyped position). */
  outliers: number;
  /** How the outline was drawn: 'concave' hull, 'convex' hull (the concave one failed a check), or a 'circle' around too few points. */
  shape: 'concave' | 'convex' | 'circle';
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** A local projection in metres about a reference point, and its inverse rounded to ~0.1 m. */
function projection(origin: Position) {
  const [lon0, lat0] = origin;
  const mPerLon = M_PER_DEGREE_LON_EQUATOR * Math.cos((lat0 * Math.PI) / 180);
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    forward: ([lon, lat]: Position): Xy => [(lon - lon0) * mPerLon, (lat - lat0) * M_PER_DEGREE_LAT],
    inverse: ([x, y]: Xy): Position => [round(lon0 + x / mPerLon), round(lat0 + y / M_PER_DEGREE_LAT)],
  };
}

/** `count` points on a circle of radius `r` about each point. */
function circles(points: Xy[], count: number, r: number): Xy[] {
  const out: Xy[] = [];
  for (const [x, y] of points) {
    for (let k = 0; k < count; k++) out.push([x + r * Math.cos((2 * Math.PI * k) / count), y + r * Math.sin((2 * Math.PI * k) / count)]);
  }
  return out;
}

/**
 * The ring pushed out by `r`: each vertex moves to where its two edges' offset lines meet (a mitre);
 * a sharp convex corner is cut (bevelled) rather than drawn as a long spike. `ring` is closed and
 * counter-clockwise; so is the result, which may cross itself (the caller checks).
 */
export function offsetRing(ring: Xy[], r: number): Xy[] {
  const n = ring.length - 1;
  const out: Xy[] = [];
  for (let i = 0; i < n; i++) {
    const [px, py] = ring[(i + n - 1) % n]!;
    const [x, y] = ring[i]!;
    const [nx, ny] = ring[(i + 1) % n]!;
    const l1 = Math.hypot(x - px, y - py) || 1;
    const l2 = Math.hypot(nx - x, ny - y) || 1;
    // Outward normals of a counter-clockwise ring's edges point to the right of travel.
    const n1: Xy = [(y - py) / l1, -(x - px) / l1];
    const n2: Xy = [(ny - y) / l2, -(nx - x) / l2];
    const cos = n1[0] * n2[0] + n1[1] * n2[1];
    const convex = (x - px) * (ny - y) - (y - py) * (nx - x) > 0;
    if (convex && cos < -0.5) {
      out.push([x + r * n1[0], y + r * n1[1]], [x + r * n2[0], y + r * n2[1]]);
      continue;
    }
    const scale = r / Math.max((1 + cos) / 2, 0.05);
    out.push([x + ((n1[0] + n2[0]) / 2) * scale, y + ((n1[1] + n2[1]) / 2) * scale]);
  }
  out.push(out[0]!);
  return out;
}

/** The points without exact duplicates. */
function distinct(points: Xy[]): Xy[] {
  const seen = new Set<string>();
  return points.filter(([x, y]) => {
    const key = `${x},${y}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An approximate outline around `points` (at least one): a concave hull pushed out by the margin, or,
 * when that fails its checks (the pushed ring crosses itself or leaves a point out), the convex hull
 * of circles around the points; fewer than three points, or points in a line, get circles joined by
 * their convex hull. The polygon holds every point it was drawn around, strictly inside.
 */
export function outlineAround(points: readonly Position[], params: HullParams): Hull {
  if (points.length === 0) throw new RangeError('outlineAround needs at least one point');
  const origin: Position = [median(points.map((p) => p[0])), median(points.map((p) => p[1]))];
  const { forward, inverse } = projection(origin);
  let xy = points.map(forward);
  let outliers = 0;
  if (params.outlierFactor) {
    const d = xy.map(([x, y]) => Math.hypot(x, y));
    const limit = Math.max(OUTLIER_MIN_M, params.outlierFactor * median(d));
    const kept = xy.filter((_, i) => d[i]! <= limit);
    outliers = xy.length - kept.length;
    xy = kept;
  }
  const unique = distinct(xy);
  const toGeometry = (ring: Xy[], shape: Hull['shape']): Hull => {
    const coordinates = ring.slice(0, -1).map(inverse);
    coordinates.push([...coordinates[0]!]);
    return { geometry: { type: 'Polygon', coordinates: [coordinates] }, outliers, shape };
  };
  const hull = unique.length >= 3 ? convexHull(unique) : [];
  // Fewer than three points, or all of them in a line a few metres wide at most.
  if (hull.length < 4 || ringArea(hull) < params.marginM * Math.max(1, perimeter(hull) / 2)) {
    return toGeometry(convexHull(circles(unique, 24, params.smallRadiusM)), 'circle');
  }
  const concave = orientCounterClockwise(concaveman(unique, params.concavity, params.lengthThresholdM) as Xy[]);
  // Notches narrower than the margin's reach are filled first, as a buffer would close them; if the
  // pushed ring still crosses itself, wider ones are, up to the convex hull's fallback.
  for (let fill = 2 * params.marginM; fill <= 64 * params.marginM; fill *= 2) {
    const ring = offsetRing(fillNotches(concave, fill), params.marginM);
    if (isSimpleRing(ring) && unique.every((p) => ringContains(ring, p))) return toGeometry(ring, 'concave');
  }
  return toGeometry(convexHull(circles(hull.slice(0, -1), 16, params.marginM)), 'convex');
}

function perimeter(ring: Xy[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += Math.hypot(ring[i]![0] - ring[i - 1]![0], ring[i]![1] - ring[i - 1]![1]);
  return sum;
}

function orientCounterClockwise(ring: Xy[]): Xy[] {
  return ringArea(ring) < 0 ? [...ring].reverse() : ring;
}

/** Every vertex of the outer rings of a geometry (holes add nothing to a hull drawn around it). */
export function outerVertices(geometry: OutlineGeometry): Position[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings) => (rings[0] ?? []).slice(0, -1));
}

/** True when the point lies inside the geometry (inside an outer ring and in none of its holes). */
export function geometryContains(geometry: OutlineGeometry, point: Position): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => ringContains(rings[0] ?? [], point) && !rings.slice(1).some((hole) => ringContains(hole, point)));
}
