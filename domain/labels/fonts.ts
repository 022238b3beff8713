/**
 * The Chinese fonts of printed labels, brought by the npm package @embedpdf/fonts-sc (Noto Sans Hans,
 * SIL Open Font License), so a label prints the same on every machine and no system font is needed.
 * pdfkit embeds only the glyphs a document uses (a subset), so a page stays small.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The two weights labels use. */
export type LabelFontWeight = 'regular' | 'bold';

const FILES: Record<LabelFontWeight, string> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};

const cache = new Map<LabelFontWeight, Buffer>();

/** The font file of one weight; read once per process (8 MB each), then shared by every document. */
export function labelFont(weight: LabelFontWeight): Buffer {
  let data = cache.get(weight);
  if (!data) {
    // The package exports only its entry point; the fonts sit beside it in ../fonts/.
    const entry = import.meta.resolve('@embedpdf/fonts-sc');
    data = readFileSync(fileURLToPath(new URL(`../fonts/${FILES[weight]}`, entry)));
    cache.set(weight, data);
  }
  return data;
}
