/** Reading the map's vector tiles back in tests: features with their properties, per layer. */
import { createRequire } from 'node:module';
import { tileOf } from '../../domain/map/tiles.ts';
import type { ApiClient } from './http.ts';

interface VectorTileLayer {
  length: number;
  feature(i: number): { properties: Record<string, string | number>; type: number; loadGeometry(): { x: number; y: number }[][] };
}
const require = createRequire(import.meta.url);
const { VectorTile } = require('@mapbox/vector-tile') as { VectorTile: new (pbf: unknown) => { layers: Record<string, VectorTileLayer> } };
const Pbf = require('pbf') as new (buffer: Uint8Array) => unknown;

export interface TileFeature {
  properties: Record<string, string | number>;
  type: number;
  geometry: { x: number; y: number }[][];
}

/** Layer name → features of an MVT body. */
export function decodeTile(body: Uint8Array): Record<string, TileFeature[]> {
  if (!body.length) return {};
  const tile = new VectorTile(new Pbf(body));
  const out: Record<string, TileFeature[]> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    out[name] = Array.from({ length: layer.length }, (_, i) => {
      const f = layer.feature(i);
      return { properties: f.properties, type: f.type, geometry: f.loadGeometry() };
    });
  }
  return out;
}

export interface TileResponse {
  status: number;
  etag: string | null;
  layers: Record<string, TileFeature[]>;
  body: Uint8Array;
}

/** GET a tile as the signed-in client. */
export async function fetchTile(client: ApiClient, path: string, headers: Record<string, string> = {}): Promise<TileResponse> {
  const res = await fetch(client.baseUrl + path, { headers: { Cookie: client.cookieHeader(), ...headers } });
  const body = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, etag: res.headers.get('etag'), body, layers: res.status === 200 ? decodeTile(body) : {} };
}

/** The distinct tiles of zoom z holding these positions. */
export function tilesHolding(z: number, points: { longitude: number; latitude: number }[]): string[] {
  return [...new Set(points.map((p) => tileOf(z, p.longitude, p.latitude)).map((t) => `${t.z}/${t.x}/${t.y}`))];
}
