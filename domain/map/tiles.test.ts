import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EXTENT,
  MAX_TILE_ZOOM,
  encodeTile,
  footprintSquare,
  lngLatPixel,
  mercX,
  mercY,
  metresPerUnit,
  pixelLngLat,
  tileOf,
  tileRange,
} from './tiles.ts';
import { decodeTile } from '../../test/support/tiles.ts';

test('a tile address outside the world or past the closest zoom has no range', () => {
  assert.equal(tileRange(3, 8, 0), null);
  assert.equal(tileRange(3, 0, -1), null);
  assert.equal(tileRange(MAX_TILE_ZOOM + 1, 0, 0), null);
  assert.equal(tileRange(1.5, 0, 0), null);
  const r = tileRange(10, 831, 448)!;
  assert.equal(r.size, 2 ** 20);
  assert.equal(r.unit * EXTENT, r.size);
  assert.equal(2 ** r.cellShift / r.unit, 512, 'a cluster cell is 512 of the tile’s 4,096 units');
});

test('the tile of a position holds its Mercator units, at every zoom', () => {
  const p = { longitude: 113.0563, latitude: 23.6981 };
  for (let z = 0; z <= MAX_TILE_ZOOM; z++) {
    const t = tileOf(z, p.longitude, p.latitude);
    const r = tileRange(z, t.x, t.y)!;
    assert.ok(mercX(p.longitude) >= r.x0 && mercX(p.longitude) < r.x0 + r.size, `x at z${z}`);
    assert.ok(mercY(p.latitude) >= r.y0 && mercY(p.latitude) < r.y0 + r.size, `y at z${z}`);
  }
});

test('pixels and positions convert both ways', () => {
  const r = tileRange(14, 13330, 7165)!;
  const [lon, lat] = pixelLngLat(r, 1000, 3000);
  const back = lngLatPixel(r, lon, lat);
  assert.ok(Math.abs(back.px - 1000) < 1e-6 && Math.abs(back.py - 3000) < 1e-6);
});

test('a footprint is the floor area per floor as a square, a few metres to 40 m a side', () => {
  const r = tileRange(18, 0, 0)!;
  const lat = 23.7;
  const side = (ring: [number, number][]) => (ring[1]![0] - ring[0]![0]) * r.unit * metresPerUnit(lat);
  assert.ok(Math.abs(side(footprintSquare({ px: 100, py: 100 }, { floorArea: 300, floors: 3, latitude: lat }, r.unit)) - 10) < 1e-6);
  assert.ok(Math.abs(side(footprintSquare({ px: 100, py: 100 }, { floorArea: 10_000, floors: 1, latitude: lat }, r.unit)) - 40) < 1e-6);
  assert.ok(Math.abs(side(footprintSquare({ px: 100, py: 100 }, { floorArea: null, floors: null, latitude: lat }, r.unit)) - 10) < 1e-6);
});

test('layers encode to a vector tile and decode back; nothing to show is an empty body', () => {
  assert.equal(encodeTile({ houses: [] }).length, 0);
  const body = encodeTile({
    houses: [{ px: 10.4, py: 20.6, props: { count: 3, tier: 'red' } }],
    footprints: [
      {
        ring: [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
        props: { code: 'x', height: 9 },
      },
    ],
  });
  const layers = decodeTile(body);
  assert.deepEqual(layers.houses![0]!.properties, { count: 3, tier: 'red' });
  assert.deepEqual(JSON.parse(JSON.stringify(layers.houses![0]!.geometry)), [[{ x: 10, y: 21 }]]);
  assert.equal(layers.footprints![0]!.type, 3);
});
