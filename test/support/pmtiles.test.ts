/**
 * The tests' PMTiles writer read back by the `pmtiles` package the map itself uses: tile ids on the
 * reader's Hilbert curve, the header, the metadata and every tile (runs and shared tiles included),
 * gzipped or not; and the basemap's vector tiles cut to their tile.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Compression, PMTiles, TileType, zxyToTileId } from 'pmtiles';
import type { RangeResponse, Source } from 'pmtiles';
import { EXTENT } from '../../domain/map/tiles.ts';
import { tileId, tilesOver, vectorTile, writePmtiles } from './pmtiles.ts';
import type { ArchiveTile } from './pmtiles.ts';
import { decodeTile } from './tiles.ts';

/** An archive in memory, read by ranges as the browser reads the served file. */
class BufferSource implements Source {
  readonly reads: [number, number][] = [];
  constructor(private readonly bytes: Buffer) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.reads.push([offset, length]);
    const part = this.bytes.subarray(offset, offset + length);
    return { data: part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength) as ArrayBuffer };
  }
}

const BOUNDS: [number, number, number, number] = [112.95, 23.62, 113.18, 23.78];
const LAYERS = {
  landuse: [{ area: BOUNDS, props: { kind: 'residential' } }],
  water: [{ area: [112.95, 23.6965, 113.18, 23.699] as [number, number, number, number], props: { kind: 'river' } }],
  roads: [
    {
      line: [
        [113.045, 23.62],
        [113.045, 23.78],
      ] as [[number, number], [number, number]],
      props: { kind: 'minor_road' },
    },
  ],
};

/** The basemap's tiles from zoom 8 to 12 over the district. */
function districtTiles(): ArchiveTile[] {
  const tiles: ArchiveTile[] = [];
  for (let z = 8; z <= 12; z++)
    for (const t of tilesOver(z, BOUNDS)) {
      const data = vectorTile(t.z, t.x, t.y, LAYERS);
      if (data) tiles.push({ ...t, data });
    }
  return tiles;
}

describe('the tests’ PMTiles writer', () => {
  test('numbers tiles along the reader’s Hilbert curve', () => {
    for (let z = 0; z <= 5; z++)
      for (let x = 0; x < 2 ** z; x++)
        for (let y = 0; y < 2 ** z; y++) assert.equal(tileId(z, x, y), zxyToTileId(z, x, y), `${z}/${x}/${y}`);
    for (const [z, x, y] of [
      [14, 13334, 7109],
      [20, 853_550, 455_029],
      [26, 54_627_236, 29_121_890],
    ] as const)
      assert.equal(tileId(z, x, y), zxyToTileId(z, x, y));
    assert.throws(() => tileId(3, 8, 0), RangeError);
  });

  for (const gzip of [true, false])
    test(`writes an archive the pmtiles reader reads whole (${gzip ? 'gzipped' : 'uncompressed'})`, async () => {
      const tiles = districtTiles();
      // A run of one tile repeated (ids 1–3: zoom 1's first three), and the same tile again further on.
      const blank = new Uint8Array([26, 0]);
      tiles.push(...[0, 1, 3].map((x) => ({ z: 1, x: x >> 1, y: x & 1, data: blank })), { z: 2, x: 3, y: 0, data: blank });
      const metadata = { name: '清城区测试底图', vector_layers: Object.keys(LAYERS).map((id) => ({ id, fields: { kind: 'String' } })) };
      const bytes = writePmtiles(tiles, { tileType: 'mvt', gzip, bounds: BOUNDS, center: [113.05, 23.7, 12], metadata });
      const source = new BufferSource(bytes);
      const archive = new PMTiles(source);
      const header = await archive.getHeader();
      assert.equal(header.specVersion, 3);
      assert.equal(header.tileType, TileType.Mvt);
      assert.equal(header.internalCompression, gzip ? Compression.Gzip : Compression.None);
      assert.equal(header.tileCompression, gzip ? Compression.Gzip : Compression.None);
      assert.deepEqual([header.minZoom, header.maxZoom, header.centerZoom], [1, 12, 12]);
      assert.deepEqual([header.minLon, header.minLat, header.maxLon, header.maxLat], BOUNDS);
      assert.deepEqual([header.centerLon, header.centerLat], [113.05, 23.7]);
      assert.equal(header.numAddressedTiles, tiles.length);
      assert.ok(header.numTileEntries < tiles.length, 'the run of blank tiles is one entry');
      assert.ok(header.numTileContents < header.numTileEntries, 'the blank tile is stored once');
      assert.equal(header.tileDataOffset + (header.tileDataLength ?? 0), bytes.length);
      assert.deepEqual(await archive.getMetadata(), metadata);

      for (const t of tiles) {
        const read = await archive.getZxy(t.z, t.x, t.y);
        assert.ok(read, `${t.z}/${t.x}/${t.y} is in the archive`);
        assert.deepEqual(new Uint8Array(read.data), t.data, `${t.z}/${t.x}/${t.y}`);
      }
      assert.equal(await archive.getZxy(1, 1, 0), undefined, 'a tile never written is not there');
      assert.equal(await archive.getZxy(13, 0, 0), undefined);
      assert.deepEqual(source.reads[0], [0, 16_384], 'the header and the root directory come in the first read');
    });

  test('cuts a rectangle to its tile and buffer, and leaves out the tiles it does not reach', () => {
    const [inner] = tilesOver(12, [113.05, 23.7, 113.05, 23.7]);
    assert.ok(inner);
    const layers = decodeTile(vectorTile(inner.z, inner.x, inner.y, LAYERS)!);
    const [landuse] = layers.landuse ?? [];
    assert.deepEqual(landuse?.properties, { kind: 'residential' });
    const xs = landuse!.geometry[0]!.map((p) => p.x);
    const ys = landuse!.geometry[0]!.map((p) => p.y);
    assert.deepEqual([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)], [-64, EXTENT + 64, -64, EXTENT + 64]);
    assert.equal(layers.roads?.length, 1);
    assert.equal(vectorTile(12, 0, 0, LAYERS), null, 'nothing at the north-west corner of the world');
    // 0.23° by 0.16° at zoom 12 (tiles 0.088° wide, 0.080° high there): 3 by 3 tiles.
    assert.equal(tilesOver(12, BOUNDS).length, 9);
  });
});
