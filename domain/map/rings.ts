/**
 * Plane geometry on closed rings (first point repeated last), used by the outlines (outlines.ts):
 * the convex hull, the signed area, a self-intersection test and point in ring. Coordinates are plain
 * [x, y] pairs, in metres or in degrees alike.
 */

export type Xy = [number, number];

const cross = (o: Xy, a: Xy, b: Xy) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The convex hull (Andrew's monotone chain) as a closed counter-clockwise ring; collinear points are dropped. */
export function convexHull(points: readonly Xy[]): Xy[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return [...sorted, ...sorted.slice(0, 1)];
  const lower: Xy[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Xy[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  const ring = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return [...ring, ring[0]!];
}

/** Signed area of a closed ring: positive when counter-clockwise. */
export function ringArea(ring: readonly Xy[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
  return sum / 2;
}

/** True when segments ab and cd share a point. */
function segmentsMeet(a: Xy, b: Xy, c: Xy, d: Xy): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (p: Xy, q: Xy, r: Xy) =>
    Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  return (d1 === 0 && on(c, d, a)) || (d2 === 0 && on(c, d, b)) || (d3 === 0 && on(a, b, c)) || (d4 === 0 && on(a, b, d));
}

/**
 * The closed counter-clockwise ring with its small notches filled: while a reflex vertex lies closer
 * than `depth` to the chord joining its neighbours, and that chord crosses no other edge, the vertex
 * goes (shallowest first). The ring only grows and stays simple; like a buffer's rounding, a gap
 * narrower than about `depth` closes, a wide bay stays.
 */
export function fillNotches(ring: readonly Xy[], depth: number): Xy[] {
  const open = ring.slice(0, -1);
  for (;;) {
    const n = open.length;
    if (n <= 3) break;
    const candidates: { i: number; d: number }[] = [];
    for (let i = 0; i < n; i++) {
      const a = open[(i + n - 1) % n]!;
      const v = open[i]!;
      const b = open[(i + 1) % n]!;
      const turn = cross(a, v, b);
      if (turn >= 0) continue;
      const d = -turn / (Math.hypot(b[0] - a[0], b[1] - a[1]) || 1);
      if (d < depth) candidates.push({ i, d });
    }
    candidates.sort((x, y) => x.d - y.d);
    const removable = candidates.find(({ i }) => {
      const a = open[(i + n - 1) % n]!;
      const b = open[(i + 1) % n]!;
      // Every edge but the four that end at a, the vertex or b.
      for (let k = i + 2; k < i + n - 2; k++) {
        if (segmentsMeet(a, b, open[k % n]!, open[(k + 1) % n]!)) return false;
      }
      return true;
    });
    if (!removable) break;
    open.splice(removable.i, 1);
  }
  return [...open, open[0]!];
}

/** True when no two edges of the closed ring meet except neighbours at their shared vertex. */
export function isSimpleRing(ring: readonly Xy[]): boolean {
  const n = ring.length - 1;
  if (n < 3) return false;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return false;
    }
  }
  return true;
}

/** Point in a closed ring by ray casting (even-odd); a point exactly on an edge may fall either way. */
export function ringContains(ring: readonly Xy[], [x, y]: Xy): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
