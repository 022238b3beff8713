/**
 * What a tile reads and where it draws it. On a WGS-84 basemap that is the tile itself: rows of its range,
 * grouped in its cluster cells, drawn where they are. On a basemap in another datum (GCJ-02) a house is
 * drawn where the basemap has it, some 500 m away, and the offset varies across the district: so the
 * tile reads a wider window of stored positions (moved back by the offset at its centre, widened by a
 * kilometre, aligned to fine cells an eighth of a cluster cell wide), moves each fine cell's centre
 * exactly with the datum, and keeps what lands inside. A fine cell is read whole by every tile that
 * reads it and lands in one tile only, so the counts of a zoom's tiles still add up exactly.
 */
import type { Datum, TileRange } from './tiles.ts';
import { WORLD_BITS, fromMerc, metresPerUnit, toMerc } from './tiles.ts';

/** A grouped row: its count, its centre in Mercator units, and the aggregates of its members. */
export type CellRow = { count: number; ax: number; ay: number } & Record<string, unknown>;

const FINE_BITS = 3;
const MARGIN_METRES = 1000;

export class TileWindow {
  /** The stored Mercator range to read, [x0, x1) × [y0, y1). */
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** log2 of the cell width the SQL groups by. */
  readonly groupShift: number;

  constructor(
    readonly tile: TileRange,
    private readonly datum?: Datum,
  ) {
    if (!datum) {
      [this.x0, this.y0, this.x1, this.y1] = [tile.x0, tile.y0, tile.x0 + tile.size, tile.y0 + tile.size];
      this.groupShift = tile.cellShift;
      return;
    }
    this.groupShift = Math.max(0, tile.cellShift - FINE_BITS);
    const centre = fromMerc(tile.x0 + tile.size / 2, tile.y0 + tile.size / 2);
    const [mx, my] = toMerc(...datum(centre));
    const [cx, cy] = toMerc(...centre);
    const margin = MARGIN_METRES / metresPerUnit(centre[1]);
    const cell = 2 ** this.groupShift;
    const world = 2 ** WORLD_BITS;
    const down = (v: number) => Math.max(0, Math.floor(v / cell) * cell);
    const up = (v: number) => Math.min(world, Math.ceil(v / cell) * cell);
    this.x0 = down(tile.x0 - (mx - cx) - margin);
    this.x1 = up(tile.x0 + tile.size - (mx - cx) + margin);
    this.y0 = down(tile.y0 - (my - cy) - margin);
    this.y1 = up(tile.y0 + tile.size - (my - cy) + margin);
  }

  /** The tile pixel where a stored position is drawn; null outside the tile. */
  pixel(mx: number, my: number): { px: number; py: number } | null {
    const { tile } = this;
    // On a WGS-84 basemap the window is the tile: every row read is inside it.
    if (!this.datum) return { px: (mx - tile.x0) / tile.unit, py: (my - tile.y0) / tile.unit };
    return this.place(mx, my);
  }

  /** Where a stored position is drawn, in the basemap's Mercator units and tile pixels; null outside the tile. */
  place(mx: number, my: number): { mx: number; my: number; px: number; py: number } | null {
    const { tile } = this;
    const [x, y] = this.datum ? toMerc(...this.datum(fromMerc(mx, my))) : [mx, my];
    if (x < tile.x0 || x >= tile.x0 + tile.size || y < tile.y0 || y >= tile.y0 + tile.size) return null;
    return { mx: x, my: y, px: (x - tile.x0) / tile.unit, py: (y - tile.y0) / tile.unit };
  }

  /**
   * The tile's cluster cells from the grouped rows: as they are on a WGS-84 basemap; else each fine cell
   * placed by its centre and merged into the cell it lands in (`sum` columns added, booleans or-ed,
   * anything else the least, as the SQL's `min`). Centres are in the basemap's Mercator units.
   */
  cells(rows: CellRow[], sum: readonly string[]): CellRow[] {
    if (!this.datum) return rows;
    const cell = 2 ** this.tile.cellShift;
    const merged = new Map<string, CellRow>();
    for (const row of rows) {
      const at = this.place(row.ax, row.ay);
      if (!at) continue;
      const key = `${Math.floor(at.mx / cell)}:${Math.floor(at.my / cell)}`;
      const into = merged.get(key);
      if (!into) {
        merged.set(key, { ...row, ax: at.mx, ay: at.my });
        continue;
      }
      const count = into.count + row.count;
      into.ax = (into.ax * into.count + at.mx * row.count) / count;
      into.ay = (into.ay * into.count + at.my * row.count) / count;
      for (const [k, v] of Object.entries(row)) {
        if (k === 'count' || k === 'ax' || k === 'ay') continue;
        const was = into[k];
        if (sum.includes(k)) into[k] = Number(was) + Number(v);
        else if (typeof v === 'boolean') into[k] = Boolean(was) || v;
        else if (v !== null && (was === null || was === undefined || (v as string | number) < (was as string | number))) into[k] = v;
      }
      into.count = count;
    }
    return [...merged.values()];
  }
}
