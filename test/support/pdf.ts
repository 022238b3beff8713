/**
 * Reading printed PDFs back in tests: page counts, text (poppler's pdftotext), a page rasterised with
 * poppler's pdftoppm, and the QR codes on it decoded with jsQR, one label cell at a time (jsQR finds
 * one code per image).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { buildingCode } from '../../domain/buildings/code.ts';
import { GRID, labelOrigin } from '../../domain/labels/layout.ts';
import type { LabelData } from '../../domain/labels/pdf.ts';

const ADDRESSES = ['凤城街道高基里社区人民一路', '东城街道东联村委会', '洲心街道大岗村委会银英路', '源潭镇大埔村委会'];

/** `n` labels of made-up houses in a village, with the URLs a real base URL would give. */
export function sampleLabels(n: number, village = '441802006001', first = 1): LabelData[] {
  return Array.from({ length: n }, (_, i) => {
    const code = buildingCode(village, first + i);
    return { code, address: `${ADDRESSES[i % 4]}${first + i}号`, districtName: '清远市清城区', url: `https://ydym.example.cn/m/b/${code}` };
  });
}

// jsqr is CommonJS whose module.exports is the function; its types describe it as `default`.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Runs a poppler tool on the PDF's bytes (written to a temporary file). */
function withFile<T>(pdf: Buffer, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ydym-pdf-'));
  try {
    const path = join(dir, 'in.pdf');
    writeFileSync(path, pdf);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page count as poppler reads it (a broken file throws). */
export function pdfPageCount(pdf: Buffer): number {
  const info = withFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The text of a page (or of the document) in drawing order, so each label's lines stay together. */
export function pdfText(pdf: Buffer, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return withFile(pdf, (path) => execFileSync('pdftotext', [...range, '-raw', path, '-'], { encoding: 'utf8' }));
}

/** One page as a PNG image, rasterised by pdftoppm at `dpi`. */
export function rasterise(pdf: Buffer, page: number, dpi = 150): PNG {
  const png = withFile(pdf, (path) =>
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', path], {
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return PNG.sync.read(png);
}

/** The QR code in a rectangle of an image (pixels), or null when none is found. */
export function decodeQr(image: PNG, box = { x: 0, y: 0, width: image.width, height: image.height }): string | null {
  const data = new Uint8ClampedArray(box.width * box.height * 4);
  for (let row = 0; row < box.height; row++) {
    const from = ((box.y + row) * image.width + box.x) * 4;
    data.set(image.data.subarray(from, from + box.width * 4), row * box.width * 4);
  }
  return jsQR(data, box.width, box.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** The QR codes of the first `count` label cells of a rasterised sheet, in slot order. */
export function decodeLabelCells(image: PNG, count: number, dpi = 150): (string | null)[] {
  const px = (mm: number) => Math.round((mm * dpi) / 25.4);
  return Array.from({ length: count }, (_, slot) => {
    const { x, y } = labelOrigin(slot);
    return decodeQr(image, { x: px(x), y: px(y), width: px(GRID.labelWidth), height: px(GRID.labelHeight) });
  });
}

/** Embedded font programs and the names of their subsets (`ABCDEF+Font`). */
export function embeddedFonts(pdf: Buffer): { fontFiles: number; subsets: string[] } {
  const text = pdf.toString('latin1');
  const fontFiles = (text.match(/\/FontFile[23]? \d+ 0 R/g) ?? []).length;
  const subsets = [...new Set([...text.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1] as string))];
  return { fontFiles, subsets };
}
