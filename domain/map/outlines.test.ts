import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TOWN_HULL, VILLAGE_HULL, geometryContains, offsetRing, outerVertices, outlineAround } from './outlines.ts';
import type { Position } from './outlines.ts';
import { convexHull, isSimpleRing, ringArea, ringContains } from './rings.ts';
import type { Xy } from './rings.ts';

/** A point `east`, `north` metres from 凤城街道's centre. */
const at = (east: number, north: number): Position => [
  113.035 + east / (111_320 * Math.cos((23.7 * Math.PI) / 180)),
  23.7 + north / 110_574,
];
const metresBetween = (a: Position, b: Position) =>
  Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((23.7 * Math.PI) / 180), (a[1] - b[1]) * 110_574);

/** A seeded pseudo-random generator, so a failure is replayed exactly. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function assertOutline(points: Position[], geometry: { type: 'Polygon'; coordinates: Position[][] }) {
  const ring = geometry.coordinates[0]!;
  assert.equal(geometry.coordinates.length, 1);
  assert.deepEqual(ring[0], ring[ring.length - 1], 'the ring is closed');
  assert.ok(ringArea(ring) > 0, 'the outer ring is counter-clockwise (RFC 7946)');
  assert.ok(isSimpleRing(ring), 'the ring does not cross itself');
  for (const p of points) assert.ok(geometryContains(geometry, p), `house ${p.join(',')} lies inside`);
}

test('a village of houses in an L gets a concave outline: every house inside, the empty corner outside', () => {
  const points: Position[] = [];
  const next = random(7);
  // Two arms 1200 m long and 200 m wide: the corner square between them has no house.
  for (let i = 0; i < 800; i++) points.push(at(next() * 1200, next() * 200), at(next() * 200, next() * 1200));
  const hull = outlineAround(points, VILLAGE_HULL);
  assert.equal(hull.shape, 'concave');
  assert.equal(hull.outliers, 0);
  assertOutline(points, hull.geometry);
  assert.ok(!geometryContains(hull.geometry, at(800, 800)), 'the empty corner is not part of the village');
  // The outline stands off the outermost houses instead of running through them.
  assert.ok(!geometryContains(hull.geometry, at(-60, 600)) && geometryContains(hull.geometry, at(-5, 600)));
});

test('one house gets a circle of the small radius around it', () => {
  const hull = outlineAround([at(0, 0)], VILLAGE_HULL);
  assert.equal(hull.shape, 'circle');
  assertOutline([at(0, 0)], hull.geometry);
  for (const v of outerVertices(hull.geometry)) assert.ok(Math.abs(metresBetween(v, at(0, 0)) - VILLAGE_HULL.smallRadiusM) < 1);
});

test('two houses, houses in a row and houses on one spot get a rounded band around them', () => {
  for (const points of [
    [at(0, 0), at(300, 100)],
    [at(0, 0), at(100, 0), at(200, 0), at(300, 0)],
    Array.from({ length: 50 }, () => at(10, 10)),
  ]) {
    const hull = outlineAround(points, VILLAGE_HULL);
    assert.equal(hull.shape, 'circle');
    assertOutline(points, hull.geometry);
  }
});

test('a house typed kilometres away from its village is left out, and counted', () => {
  const next = random(3);
  const points = Array.from({ length: 300 }, () => at(next() * 500, next() * 500));
  const hull = outlineAround([...points, at(40_000, 40_000)], VILLAGE_HULL);
  assert.equal(hull.outliers, 1);
  assertOutline(points, hull.geometry);
  assert.ok(outerVertices(hull.geometry).every((v) => metresBetween(v, at(250, 250)) < 1000));
});

test('a town outline drawn around its villages’ outlines holds every one of their vertices', () => {
  const next = random(11);
  const villages = [at(0, 0), at(2500, 300), at(1200, 2200)].map(([lon, lat]) =>
    outlineAround(
      Array.from({ length: 200 }, () => [lon + (next() - 0.5) * 0.008, lat + (next() - 0.5) * 0.008] as Position),
      VILLAGE_HULL,
    ),
  );
  const vertices = villages.flatMap((v) => outerVertices(v.geometry));
  const town = outlineAround(vertices, TOWN_HULL);
  assertOutline(vertices, town.geometry);
});

test('any set of houses gets a simple outline holding all of them', () => {
  const spot = fc.tuple(fc.integer({ min: -1500, max: 1500 }), fc.integer({ min: -1500, max: 1500 }));
  fc.assert(
    fc.property(fc.array(spot, { minLength: 1, maxLength: 120 }), (offsets) => {
      const points = offsets.map(([e, n]) => at(e, n));
      const hull = outlineAround(points, VILLAGE_HULL);
      assert.equal(hull.outliers, 0);
      assertOutline(points, hull.geometry);
    }),
    { numRuns: 300, seed: 18 },
  );
});

test('pushing a square out by r gives the square r larger on every side; a bow tie is not simple', () => {
  const square: Xy[] = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ];
  const out = offsetRing(square, 2);
  assert.deepEqual(
    out.map(([x, y]) => [Math.round(x * 1e9) / 1e9, Math.round(y * 1e9) / 1e9]),
    [
      [-2, -2],
      [12, -2],
      [12, 12],
      [-2, 12],
      [-2, -2],
    ],
  );
  assert.ok(isSimpleRing(square));
  const bowTie: Xy[] = [
    [0, 0],
    [10, 10],
    [10, 0],
    [0, 10],
    [0, 0],
  ];
  assert.ok(!isSimpleRing(bowTie));
  assert.deepEqual(convexHull([...square.slice(0, 4), [5, 5], [5, 0]]), [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ]);
  assert.ok(ringContains(square, [5, 5]) && !ringContains(square, [11, 5]));
});

test('a point in a hole of a boundary is outside it', () => {
  const geometry = {
    type: 'MultiPolygon' as const,
    coordinates: [
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ] as Position[],
        [
          [4, 4],
          [4, 6],
          [6, 6],
          [6, 4],
          [4, 4],
        ] as Position[],
      ],
      [
        [
          [20, 20],
          [30, 20],
          [30, 30],
          [20, 20],
        ] as Position[],
      ],
    ],
  };
  assert.ok(geometryContains(geometry, [2, 2]));
  assert.ok(!geometryContains(geometry, [5, 5]));
  assert.ok(geometryContains(geometry, [28, 22]));
  assert.equal(outerVertices(geometry).length, 7);
});
