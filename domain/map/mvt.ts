/**
 * The map's tiles as Mapbox Vector Tiles (specification 2.1), written with `pbf` field by field in the
 * order vt-pbf writes them (byte for byte the same tile: mvt.test.ts compares the two). vt-pbf wraps
 * every feature in objects and keys its value table by `type:value` strings in a plain object; a
 * closest-zoom tile of 1,500 houses, each with its own code, spent most of its encoding there and in the
 * garbage it left. Here a feature is written straight from its pixels and properties, and the value
 * table is two Maps (strings, numbers).
 */
import { createRequire } from 'node:module';
import type { TileLayers, TilePoint, TilePolygon } from './tiles.ts';

interface PbfWriter {
  writeMessage<T>(tag: number, write: (value: T, pbf: PbfWriter) => void, value: T): void;
  writeVarintField(tag: number, value: number): void;
  writeStringField(tag: number, value: string): void;
  writeDoubleField(tag: number, value: number): void;
  writeSVarintField(tag: number, value: number): void;
  writeVarint(value: number): void;
  finish(): Uint8Array;
}
const Pbf = createRequire(import.meta.url)('pbf') as new () => PbfWriter;

type Value = string | number;

/** One layer's key and value tables, filled in the order the features first use them. */
interface Tables {
  keys: Map<string, number>;
  strings: Map<string, number>;
  numbers: Map<number, number>;
  values: Value[];
}

/** Encodes the layers that have features, `extent` pixels a side; an empty buffer when none has one. */
export function encodeLayers(layers: TileLayers, extent: number): Buffer {
  const pbf = new Pbf();
  let any = false;
  for (const [name, features] of Object.entries(layers)) {
    if (!features.length) continue;
    any = true;
    pbf.writeMessage(3, writeLayer, { name, features, extent });
  }
  return any ? Buffer.from(pbf.finish()) : Buffer.alloc(0);
}

function writeLayer(layer: { name: string; features: (TilePoint | TilePolygon)[]; extent: number }, pbf: PbfWriter): void {
  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, layer.name);
  pbf.writeVarintField(5, layer.extent);
  const tables: Tables = { keys: new Map(), strings: new Map(), numbers: new Map(), values: [] };
  for (const feature of layer.features) pbf.writeMessage(2, writeFeature, { feature, tables });
  for (const key of tables.keys.keys()) pbf.writeStringField(3, key);
  for (const value of tables.values) pbf.writeMessage(4, writeValue, value);
}

function writeFeature({ feature, tables }: { feature: TilePoint | TilePolygon; tables: Tables }, pbf: PbfWriter): void {
  pbf.writeMessage(2, writeTags, { props: feature.props, tables });
  pbf.writeVarintField(3, 'ring' in feature ? 3 : 1);
  pbf.writeMessage(4, writeGeometry, feature);
}

function writeTags({ props, tables }: { props: Record<string, Value>; tables: Tables }, pbf: PbfWriter): void {
  for (const key in props) {
    const value = props[key]!;
    let k = tables.keys.get(key);
    if (k === undefined) tables.keys.set(key, (k = tables.keys.size));
    const table = typeof value === 'string' ? tables.strings : tables.numbers;
    let v = (table as Map<Value, number>).get(value);
    if (v === undefined) {
      v = tables.values.length;
      (table as Map<Value, number>).set(value, v);
      tables.values.push(value);
    }
    pbf.writeVarint(k);
    pbf.writeVarint(v);
  }
}

const zigzag = (n: number) => (n << 1) ^ (n >> 31);
const command = (id: number, count: number) => (count << 3) + (id & 0x7);

/** A point (MoveTo), or a closed ring (MoveTo, LineTo the others but the closing one, ClosePath). */
function writeGeometry(feature: TilePoint | TilePolygon, pbf: PbfWriter): void {
  if (!('ring' in feature)) {
    pbf.writeVarint(command(1, 1));
    pbf.writeVarint(zigzag(Math.round(feature.px)));
    pbf.writeVarint(zigzag(Math.round(feature.py)));
    return;
  }
  const { ring } = feature;
  const lines = ring.length - 1;
  let x = 0;
  let y = 0;
  pbf.writeVarint(command(1, 1));
  for (let i = 0; i < lines; i++) {
    if (i === 1) pbf.writeVarint(command(2, lines - 1));
    const px = Math.round(ring[i]![0]);
    const py = Math.round(ring[i]![1]);
    pbf.writeVarint(zigzag(px - x));
    pbf.writeVarint(zigzag(py - y));
    x = px;
    y = py;
  }
  pbf.writeVarint(command(7, 1));
}

function writeValue(value: Value, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (value % 1 !== 0) pbf.writeDoubleField(3, value);
  else if (value < 0) pbf.writeSVarintField(6, value);
  else pbf.writeVarintField(5, value);
}
