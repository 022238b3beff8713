/**
 * Geometry of a label sheet, in millimetres: A4 portrait, 2 × 5 labels of 90 × 50 mm with 6 mm
 * gutters. A label this size carries a 32 mm QR code (a phone reads it from about 30 cm) and the
 * building code in 16.5 pt figures, legible on a door at arm's length.
 */

/** Points per millimetre (PDF units are 1/72 inch). */
export const MM = 72 / 25.4;

/** A4 portrait. */
export const PAGE = { width: 210, height: 297 };
/** Labels on a page and their size. */
export const GRID = { columns: 2, rows: 5, labelWidth: 90, labelHeight: 50, gutter: 6 };
/** Labels on a full page. */
export const LABELS_PER_PAGE = GRID.columns * GRID.rows;

const MARGIN_X = (PAGE.width - GRID.columns * GRID.labelWidth - (GRID.columns - 1) * GRID.gutter) / 2;
const MARGIN_Y = (PAGE.height - GRID.rows * GRID.labelHeight - (GRID.rows - 1) * GRID.gutter) / 2;

/** Top-left corner (mm) of the label in slot `slot` (0-based, row by row) of a page. */
export function labelOrigin(slot: number): { x: number; y: number } {
  const column = slot % GRID.columns;
  const row = Math.floor(slot / GRID.columns);
  return {
    x: MARGIN_X + column * (GRID.labelWidth + GRID.gutter),
    y: MARGIN_Y + row * (GRID.labelHeight + GRID.gutter),
  };
}

/** Inside a label (mm from its top-left corner). */
export const LABEL = {
  padding: 4,
  qrSize: 32,
  /** The text column right of the QR code. */
  textX: 40,
  textWidth: 46,
  /** Baseline band of the building code, under the QR code. */
  codeY: 38.2,
};

/** Cut marks: short lines on the cut lines, stopping short of the corner so they never print on a label. */
const MARK_GAP = 1;
const MARK_LENGTH = 2;

/** Line segments `[x1, y1, x2, y2]` (mm) of the cut marks at the four corners of a label at (x, y). */
export function cutMarks(x: number, y: number): [number, number, number, number][] {
  const { labelWidth: w, labelHeight: h } = GRID;
  const out: [number, number, number, number][] = [];
  for (const [cx, dx] of [
    [x, -1],
    [x + w, 1],
  ] as const) {
    for (const [cy, dy] of [
      [y, -1],
      [y + h, 1],
    ] as const) {
      out.push([cx + dx * MARK_GAP, cy, cx + dx * (MARK_GAP + MARK_LENGTH), cy]);
      out.push([cx, cy + dy * MARK_GAP, cx, cy + dy * (MARK_GAP + MARK_LENGTH)]);
    }
  }
  return out;
}

/** The one grouping of the code (domain/buildings/code.ts), as the phone pages show it too. */
export { groupedCode } from '../buildings/code.ts';
