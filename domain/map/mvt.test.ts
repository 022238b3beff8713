/**
 * The tile encoder writes what vt-pbf (the reference encoder) writes for the same layers, byte for byte:
 * points and closed rings, string, integer, negative and fractional properties, values shared between
 * features and layers, and a layer with no feature left out.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { encodeLayers } from './mvt.ts';
import type { TileLayers } from './tiles.ts';

type Feature = { type: 1 | 3; geometry: number[][][] | number[][]; tags: Record<string, string | number> };
const vtpbf = createRequire(import.meta.url)('vt-pbf') as {
  fromGeojsonVt(layers: Record<string, { features: Feature[] }>, options: { version: number; extent: number }): Uint8Array;
};

/** The same layers as vt-pbf takes them (geojson-vt's shape, pixels rounded). */
function reference(layers: TileLayers): Buffer {
  const named: Record<string, { features: Feature[] }> = {};
  for (const [name, features] of Object.entries(layers)) {
    if (!features.length) continue;
    named[name] = {
      features: features.map((f) =>
        'ring' in f
          ? { type: 3, geometry: [f.ring.map(([x, y]) => [Math.round(x), Math.round(y)])], tags: f.props }
          : { type: 1, geometry: [[Math.round(f.px), Math.round(f.py)]], tags: f.props },
      ),
    };
  }
  return Object.keys(named).length ? Buffer.from(vtpbf.fromGeojsonVt(named, { version: 2, extent: 4096 })) : Buffer.alloc(0);
}

/** A seeded generator, so a failure can be run again. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

test('random layers encode exactly as vt-pbf encodes them', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const r = random(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const props = () => {
      const p: Record<string, string | number> = { count: pick([1, 2, 17, 20_000]) };
      if (r() < 0.7) p.code = `4418020060010${String(Math.floor(r() * 100_000)).padStart(5, '0')}`;
      if (r() < 0.5) p.tier = pick(['red', 'orange', 'yellow', 'green']);
      if (r() < 0.3) p.delta = pick([-1, -300, 0.5, -2.25, 1e9]);
      return p;
    };
    const layers: TileLayers = {
      houses: Array.from({ length: Math.floor(r() * 200) }, () => ({ px: r() * 4200 - 50, py: r() * 4200 - 50, props: props() })),
      footprints: Array.from({ length: Math.floor(r() * 20) }, () => {
        const [x, y, h] = [r() * 4096, r() * 4096, 1 + r() * 30];
        return {
          ring: [
            [x - h, y - h],
            [x + h, y - h],
            [x + h, y + h],
            [x - h, y + h],
            [x - h, y - h],
          ] as [number, number][],
          props: { code: 'c', tier: pick(['red', 'green']), height: Math.round(h) * 3 },
        };
      }),
      empty: [],
    };
    assert.deepEqual(encodeLayers(layers, 4096), reference(layers), `seed ${seed}`);
  }
});

test('no feature at all is an empty tile', () => {
  assert.equal(encodeLayers({ houses: [], cases: [] }, 4096).length, 0);
});
