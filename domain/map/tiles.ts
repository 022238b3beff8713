/**
 * The map's tile geometry (issue 18), shared by the SQL that cuts tiles and the code that encodes them.
 * Positions are Web Mercator integers on a world `WORLD` units wide (migration 0029's `merc_x`,
 * `merc_y`); a tile of zoom z spans 2^(30-z) units and is drawn on `EXTENT` pixels, so a pixel is
 * 2^(18-z) units, and tiles stop at zoom `MAX_TILE_ZOOM` where a pixel is one unit (a few centimetres).
 */
import { encodeLayers } from './mvt.ts';

export const WORLD_BITS = 30;
export const EXTENT = 4096;
const EXTENT_BITS = 12;
/**
 * A cluster cell is 2^CELL_BITS of the tile's 4,096 units wide: 8 cells across a tile, 64 to 128 screen
 * pixels on MapLibre's 512-pixel tiles as the zoom goes from one whole level to the next (with 64 or 16
 * cells, the clusters of a dense district overlapped into one mass).
 */
const CELL_BITS = 9;
/** Above this zoom every house is its own feature; up to it, houses are counted in grid cells. */
export const CLUSTER_MAX_ZOOM = 15;
export const MAX_TILE_ZOOM = WORLD_BITS - EXTENT_BITS;
/** The earth's circumference at the equator (metres), the Web Mercator world's width. */
const EARTH_METRES = 40_075_016.686;

/** A tile's address and its range of Mercator units. */
export interface TileRange {
  z: number;
  x: number;
  y: number;
  /** The first unit of the tile on each axis. */
  x0: number;
  y0: number;
  /** Units across the tile. */
  size: number;
  /** Units per tile pixel. */
  unit: number;
  /** log2 of a cluster cell's width in units: cells are `merc >> cellShift`. */
  cellShift: number;
}

/** The range of tile z/x/y, or null when the address is outside the world or beyond `MAX_TILE_ZOOM`. */
export function tileRange(z: number, x: number, y: number): TileRange | null {
  if (!Number.isInteger(z) || z < 0 || z > MAX_TILE_ZOOM) return null;
  const count = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= count || y >= count) return null;
  const size = 2 ** (WORLD_BITS - z);
  return { z, x, y, x0: x * size, y0: y * size, size, unit: size / EXTENT, cellShift: WORLD_BITS - z - EXTENT_BITS + CELL_BITS };
}

/** WGS-84 longitude → Mercator units, as the database's `map_merc_x`. */
export function mercX(longitude: number): number {
  return Math.floor(toMerc(longitude, 0)[0]);
}

/** WGS-84 latitude → Mercator units, as the database's `map_merc_y`. */
export function mercY(latitude: number): number {
  return Math.floor(toMerc(0, latitude)[1]);
}

/** The tile of zoom z that holds a WGS-84 position. */
export function tileOf(z: number, longitude: number, latitude: number): { z: number; x: number; y: number } {
  const shift = 2 ** (WORLD_BITS - z);
  return { z, x: Math.floor(mercX(longitude) / shift), y: Math.floor(mercY(latitude) / shift) };
}

/** Metres on the ground per Mercator unit at a latitude. */
export function metresPerUnit(latitude: number): number {
  return (EARTH_METRES * Math.cos((latitude * Math.PI) / 180)) / 2 ** WORLD_BITS;
}

/** A point feature of a tile: its pixel position and properties (numbers and strings only). */
export interface TilePoint {
  px: number;
  py: number;
  props: Record<string, string | number>;
}

/** A polygon feature of a tile: one outer ring in pixels (closed, clockwise on screen as MVT wants). */
export interface TilePolygon {
  ring: [number, number][];
  props: Record<string, string | number>;
}

export interface TileLayers {
  [name: string]: (TilePoint | TilePolygon)[];
}

/**
 * A house's schematic footprint, until real footprints are imported: a square of the floor area per
 * floor (4–40 m a side), centred on its point, in tile pixels.
 */
export function footprintSquare(
  point: { px: number; py: number },
  house: { floorArea: number | null; floors: number | null; latitude: number },
  unit: number,
): [number, number][] {
  const perFloor = (house.floorArea ?? 100) / Math.max(1, house.floors ?? 1);
  const side = Math.max(4, Math.min(40, Math.sqrt(perFloor)));
  const half = side / metresPerUnit(house.latitude) / unit / 2;
  const { px, py } = point;
  // Clockwise in screen coordinates (y down): the MVT exterior ring orientation.
  return [
    [px - half, py - half],
    [px + half, py - half],
    [px + half, py + half],
    [px - half, py + half],
    [px - half, py - half],
  ];
}

/** Encodes layers as a Mapbox Vector Tile (version 2); an empty buffer when no layer has a feature. */
export function encodeTile(layers: TileLayers): Buffer {
  return encodeLayers(layers, EXTENT);
}

/** Mercator units (not floored) of a WGS-84 position. */
export function toMerc(longitude: number, latitude: number): [number, number] {
  const world = 2 ** WORLD_BITS;
  const phi = (Math.max(-85.0511, Math.min(85.0511, latitude)) * Math.PI) / 180;
  return [((longitude + 180) / 360) * world, ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * world];
}

/** The WGS-84 [longitude, latitude] of Mercator units. */
export function fromMerc(mx: number, my: number): [number, number] {
  const world = 2 ** WORLD_BITS;
  return [(mx / world) * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - (2 * my) / world))) * 180) / Math.PI];
}

/** The WGS-84 position of a tile pixel. */
export function pixelLngLat(tile: TileRange, px: number, py: number): [number, number] {
  return fromMerc(tile.x0 + px * tile.unit, tile.y0 + py * tile.unit);
}

/** The tile pixel of a WGS-84 position (not floored: sub-pixel positions stay exact until encoding). */
export function lngLatPixel(tile: TileRange, longitude: number, latitude: number): { px: number; py: number } {
  const [mx, my] = toMerc(longitude, latitude);
  return { px: (mx - tile.x0) / tile.unit, py: (my - tile.y0) / tile.unit };
}

/** A change of datum on WGS-84 [longitude, latitude] (to a GCJ-02 basemap's). */
export type Datum = (position: [number, number]) => [number, number];
