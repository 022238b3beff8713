import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basemapDatum } from './datum.ts';
import { mercX, mercY, pixelLngLat, tileOf, tileRange } from './tiles.ts';
import { TileWindow } from './window.ts';
import type { CellRow } from './window.ts';

/** Houses scattered over some 20 km, as the SQL sees them (integer Mercator units). */
const HOUSES = Array.from({ length: 3000 }, (_, i) => {
  const longitude = 112.95 + ((i * 7919) % 2000) / 10_000;
  const latitude = 23.6 + ((i * 104_729) % 2000) / 10_000;
  return { mx: mercX(longitude), my: mercY(latitude), red: i % 7 === 0 ? 1 : 0, code: String(i).padStart(6, '0') };
});

/** What the store's SQL returns for a window: rows inside it grouped by `>> groupShift`. */
function grouped(window: TileWindow): CellRow[] {
  const cells = new Map<string, CellRow & { sx: number; sy: number }>();
  for (const h of HOUSES) {
    if (h.mx < window.x0 || h.mx >= window.x1 || h.my < window.y0 || h.my >= window.y1) continue;
    const key = `${h.mx >> window.groupShift}:${h.my >> window.groupShift}`;
    const c = cells.get(key) ?? { count: 0, ax: 0, ay: 0, sx: 0, sy: 0, red: 0, code: h.code };
    c.count += 1;
    c.sx += h.mx;
    c.sy += h.my;
    c.red = (c.red as number) + h.red;
    if (h.code < (c.code as string)) c.code = h.code;
    cells.set(key, c);
  }
  return [...cells.values()].map(({ sx, sy, ...c }) => ({ ...c, ax: sx / c.count, ay: sy / c.count }));
}

function tilesOver(z: number): { x: number; y: number }[] {
  const a = tileOf(z, 112.9, 23.85);
  const b = tileOf(z, 113.2, 23.55);
  const out = [];
  for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) out.push({ x, y });
  return out;
}

test('on a WGS-84 basemap the window is the tile and its cells are the SQL’s', () => {
  const tile = tileRange(12, 3334, 1791)!;
  const w = new TileWindow(tile);
  assert.deepEqual([w.x0, w.x1, w.y0, w.y1], [tile.x0, tile.x0 + tile.size, tile.y0, tile.y0 + tile.size]);
  assert.equal(w.groupShift, tile.cellShift);
  const rows = [{ count: 2, ax: tile.x0 + 5, ay: tile.y0 + 5 }];
  assert.equal(w.cells(rows, []), rows);
});

test('on a GCJ-02 basemap every house is counted in exactly one tile of each zoom, moved by the datum', () => {
  const datum = basemapDatum('gcj02')!;
  for (const z of [9, 11, 13, 15]) {
    let total = 0;
    let red = 0;
    for (const { x, y } of tilesOver(z)) {
      const tile = tileRange(z, x, y)!;
      const w = new TileWindow(tile, datum);
      const cells = w.cells(grouped(w), ['red']);
      for (const c of cells) {
        assert.ok(c.ax >= tile.x0 && c.ax < tile.x0 + tile.size && c.ay >= tile.y0 && c.ay < tile.y0 + tile.size, 'inside its tile');
        total += c.count;
        red += c.red as number;
      }
    }
    assert.equal(total, HOUSES.length, `zoom ${z}`);
    assert.equal(red, HOUSES.filter((h) => h.red).length, `zoom ${z} red`);
  }
});

test('a house alone is drawn at its GCJ-02 position', () => {
  const datum = basemapDatum('gcj02')!;
  const p: [number, number] = [113.0563, 23.6981];
  const [glon, glat] = datum(p);
  const t = tileOf(18, glon, glat);
  const tile = tileRange(t.z, t.x, t.y)!;
  const w = new TileWindow(tile, datum);
  const at = w.place(mercX(p[0]), mercY(p[1]))!;
  const [lon, lat] = pixelLngLat(tile, at.px, at.py);
  assert.ok(Math.abs(lon - glon) < 1e-6 && Math.abs(lat - glat) < 1e-6, `${lon},${lat}`);
  assert.equal(new TileWindow(tileRange(18, t.x + 3, t.y)!, datum).place(mercX(p[0]), mercY(p[1])), null, 'another tile leaves it out');
});
