/**
 * PMTiles v3 archives made in the tests (npm has readers only; `pmtiles` is one): a header, one root
 * directory and the tiles, after the spec (github.com/protomaps/PMTiles, spec/v3/spec.md), gzipped as
 * real basemap builds are. Tiles are laid out in tile-id order, identical tiles stored once and a run
 * of them written as one entry, so the reader's run-length and shared-offset paths are used too. Leaf
 * directories are not written: a fixture's root directory stays far under the spec's 16 KiB.
 *
 * The basemap tiles themselves are vector tiles (vt-pbf) of rectangles and straight east–west or
 * north–south lines given in degrees: such shapes are cut to a tile exactly by clamping their
 * coordinates to the tile and its buffer.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { EXTENT, lngLatPixel, tileOf, tileRange } from '../../domain/map/tiles.ts';

const HEADER_BYTES = 127;
/** The header and the root directory must fit in the first 16 KiB a reader fetches. */
const FIRST_READ = 16_384;
const COMPRESSION = { none: 1, gzip: 2 } as const;
const TILE_TYPE = { mvt: 1, png: 2 } as const;

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  tileType: keyof typeof TILE_TYPE;
  /** Gzip the directory, the metadata and the tiles (the default), or store them as they are. */
  gzip?: boolean;
  /** `[west, south, east, north]` in degrees. */
  bounds: [number, number, number, number];
  /** `[longitude, latitude, zoom]`. */
  center: [number, number, number];
  /** The JSON metadata; a vector archive names its layers in `vector_layers`. */
  metadata: Record<string, unknown>;
}

/** A tile's id: its place on the Hilbert curve of its zoom, after every tile of the zooms below. */
export function tileId(z: number, x: number, y: number): number {
  const n = 2 ** z;
  if (!Number.isInteger(z) || z < 0 || z > 26 || x < 0 || y < 0 || x >= n || y >= n) throw new RangeError(`no tile ${z}/${x}/${y}`);
  let id = (4 ** z - 1) / 3;
  let [tx, ty] = [x, y];
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = tx & s ? 1 : 0;
    const ry = ty & s ? 1 : 0;
    id += s * s * ((3 * rx) ^ ry);
    // Turn the quadrant so the curve inside it runs the same way as the whole.
    tx &= s - 1;
    ty &= s - 1;
    if (ry === 0) {
      if (rx === 1) [tx, ty] = [s - 1 - tx, s - 1 - ty];
      [tx, ty] = [ty, tx];
    }
  }
  return id;
}

/** Unsigned LEB128, as the spec's directories are written; exact up to 2^53. */
function varint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** The directory's bytes: the count, then ids as deltas, run lengths, lengths and offsets (0: right after the previous). */
function directory(entries: Entry[]): Buffer {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    varint(out, previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return Buffer.from(out);
}

/** An archive of `tiles` (each z/x/y once). */
export function writePmtiles(tiles: ArchiveTile[], options: ArchiveOptions): Buffer {
  if (!tiles.length) throw new Error('an archive holds at least one tile');
  const gzip = options.gzip ?? true;
  const pack = (bytes: Uint8Array) => (gzip ? gzipSync(bytes) : Buffer.from(bytes));
  const sorted = tiles.map((t) => ({ ...t, id: tileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  const blobs: Buffer[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  const entries: Entry[] = [];
  let dataLength = 0;
  for (const tile of sorted) {
    const hash = createHash('sha256').update(tile.data).digest('hex');
    let at = stored.get(hash);
    if (!at) {
      const blob = pack(tile.data);
      at = { offset: dataLength, length: blob.length };
      stored.set(hash, at);
      blobs.push(blob);
      dataLength += blob.length;
    }
    const last = entries.at(-1);
    if (last?.tileId === tile.id) throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} given twice`);
    if (last && last.offset === at.offset && last.tileId + last.runLength === tile.id) last.runLength += 1;
    else entries.push({ tileId: tile.id, offset: at.offset, length: at.length, runLength: 1 });
  }
  const root = pack(directory(entries));
  if (HEADER_BYTES + root.length > FIRST_READ) throw new Error(`a root directory of ${root.length} bytes needs leaf directories`);
  const metadata = pack(Buffer.from(JSON.stringify(options.metadata)));
  const zooms = sorted.map((t) => t.z);

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset;
  const u64 = [
    rootOffset,
    root.length,
    metadataOffset,
    metadata.length,
    leavesOffset,
    0,
    dataOffset,
    dataLength,
    sorted.length,
    entries.length,
    blobs.length,
  ];
  u64.forEach((v, i) => header.writeBigUInt64LE(BigInt(v), 8 + i * 8));
  header.writeUInt8(1, 96); // clustered: blobs in tile-id order
  header.writeUInt8(gzip ? COMPRESSION.gzip : COMPRESSION.none, 97);
  header.writeUInt8(gzip ? COMPRESSION.gzip : COMPRESSION.none, 98);
  header.writeUInt8(TILE_TYPE[options.tileType], 99);
  header.writeUInt8(Math.min(...zooms), 100);
  header.writeUInt8(Math.max(...zooms), 101);
  const e7 = (degrees: number) => Math.round(degrees * 10_000_000);
  const [west, south, east, north] = options.bounds;
  [west, south, east, north].forEach((v, i) => header.writeInt32LE(e7(v), 102 + i * 4));
  const [lon, lat, zoom] = options.center;
  header.writeUInt8(zoom, 118);
  header.writeInt32LE(e7(lon), 119);
  header.writeInt32LE(e7(lat), 123);
  return Buffer.concat([header, root, metadata, ...blobs]);
}

/** A rectangle, or a straight east–west or north–south line, in degrees, with its feature's properties. */
export type Shape =
  | { area: [number, number, number, number]; props?: Record<string, string | number> }
  | { line: [[number, number], [number, number]]; props?: Record<string, string | number> };

/** Pixels drawn past a tile's edge, so shapes meet across tiles without a seam. */
const BUFFER = 64;

/** A feature as vt-pbf takes it: a line (2) or a polygon (3) in tile pixels. */
interface VtFeature {
  type: 2 | 3;
  geometry: number[][][];
  tags: Record<string, string | number>;
}

interface VtPbf {
  fromGeojsonVt(layers: Record<string, { features: VtFeature[] }>, options: { version: number; extent: number }): Uint8Array;
}
const vtpbf = createRequire(import.meta.url)('vt-pbf') as VtPbf;

/** The vector tile z/x/y of the layers' shapes, or null when none reaches it. */
export function vectorTile(z: number, x: number, y: number, layers: Record<string, Shape[]>): Uint8Array | null {
  const tile = tileRange(z, x, y);
  if (!tile) throw new RangeError(`no tile ${z}/${x}/${y}`);
  const clamp = (v: number) => Math.round(Math.max(-BUFFER, Math.min(EXTENT + BUFFER, v)));
  const inside = (a: number, b: number) => Math.max(a, b) > -BUFFER && Math.min(a, b) < EXTENT + BUFFER;
  const named: Parameters<VtPbf['fromGeojsonVt']>[0] = {};
  for (const [name, shapes] of Object.entries(layers)) {
    const features = shapes.flatMap((shape): VtFeature[] => {
      const tags = shape.props ?? {};
      if ('area' in shape) {
        const [w, s, e, n] = shape.area;
        const nw = lngLatPixel(tile, w, n);
        const se = lngLatPixel(tile, e, s);
        if (!inside(nw.px, se.px) || !inside(nw.py, se.py)) return [];
        const [x0, y0, x1, y1] = [clamp(nw.px), clamp(nw.py), clamp(se.px), clamp(se.py)];
        // Clockwise on screen (y down): an outer ring.
        const ring = [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ];
        return [{ type: 3, geometry: [ring], tags }];
      }
      const [a, b] = shape.line.map(([lon, lat]) => lngLatPixel(tile, lon, lat)) as [
        { px: number; py: number },
        { px: number; py: number },
      ];
      if (!inside(a.px, b.px) || !inside(a.py, b.py)) return [];
      const line = [
        [clamp(a.px), clamp(a.py)],
        [clamp(b.px), clamp(b.py)],
      ];
      return [{ type: 2, geometry: [line], tags }];
    });
    if (features.length) named[name] = { features };
  }
  if (!Object.keys(named).length) return null;
  return vtpbf.fromGeojsonVt(named, { version: 2, extent: EXTENT });
}

/** The tiles of zoom z over `[west, south, east, north]`. */
export function tilesOver(z: number, [west, south, east, north]: [number, number, number, number]): { z: number; x: number; y: number }[] {
  const nw = tileOf(z, west, north);
  const se = tileOf(z, east, south);
  const out: { z: number; x: number; y: number }[] = [];
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) out.push({ z, x, y });
  return out;
}
