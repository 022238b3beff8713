/**
 * The basemap's datum (MAP_BASEMAP_COORDINATES). Coordinates are stored in WGS-84; a Chinese basemap
 * drawn in GCJ-02 (高德、腾讯) needs the features moved by the same offset when tiles are cut, with the
 * maintained `gcoord` library rather than a hand-copied formula.
 */
import { createRequire } from 'node:module';
import type { Datum } from './tiles.ts';

// Its type declarations describe an ES default export its CommonJS build does not have under Node.
const gcoord = createRequire(import.meta.url)('gcoord') as {
  transform(position: [number, number], from: string, to: string): [number, number];
  WGS84: string;
  GCJ02: string;
};

export function basemapDatum(coordinates: 'wgs84' | 'gcj02'): Datum | undefined {
  if (coordinates === 'wgs84') return undefined;
  return (position) => gcoord.transform(position, gcoord.WGS84, gcoord.GCJ02);
}
