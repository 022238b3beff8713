/**
 * Where each outline's name goes: the centre of its largest ring's box, one point per outline. A
 * polygon labelled by itself is labelled once on every tile it spans.
 */
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import type { OutlineProperties, Outlines } from './types.ts';

function boxCentre(ring: Position[]): { centre: Position; area: number } {
  const xs = ring.map((p) => p[0] ?? 0);
  const ys = ring.map((p) => p[1] ?? 0);
  const [west, east, south, north] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { centre: [(west + east) / 2, (south + north) / 2], area: (east - west) * (north - south) };
}

export function outlineLabels(outlines: Outlines): FeatureCollection<Point, OutlineProperties> {
  const features = outlines.features.flatMap((f): Feature<Point, OutlineProperties>[] => {
    const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0]] : f.geometry.coordinates.map((p) => p[0]);
    const boxes = rings.filter((r): r is Position[] => Array.isArray(r) && r.length > 0).map(boxCentre);
    const largest = boxes.sort((a, b) => b.area - a.area)[0];
    return largest ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: largest.centre }, properties: f.properties }] : [];
  });
  return { type: 'FeatureCollection', features };
}
