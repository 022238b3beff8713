/**
 * The QR code of a house: it encodes the public URL of the house's mobile page, so any phone camera
 * opens it. Error correction M (15 %) survives scuffs and dirt on a door label without making the
 * symbol denser than a phone reads comfortably at arm's length.
 */
import QRCode from 'qrcode';

/** The URL a house's QR code carries: `<PUBLIC_BASE_URL>/m/b/<code>`. */
export function labelUrl(baseUrl: string, code: string): string {
  return `${baseUrl}/m/b/${code}`;
}

/** Modules of a QR symbol as horizontal runs of dark modules: fewer, larger rectangles to draw. */
export interface QrRuns {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `[column, row, length]` of each run of dark modules. */
  runs: [number, number, number][];
}

/** The dark modules of `text`'s QR symbol, merged into horizontal runs. */
export function qrRuns(text: string): QrRuns {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  const runs: [number, number, number][] = [];
  for (let row = 0; row < size; row++) {
    let start = -1;
    for (let col = 0; col <= size; col++) {
      const dark = col < size && data[row * size + col] === 1;
      if (dark && start < 0) start = col;
      else if (!dark && start >= 0) {
        runs.push([start, row, col - start]);
        start = -1;
      }
    }
  }
  return { size, runs };
}

/** An SVG of the QR code with the standard quiet zone of four modules. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

/** A PNG of the QR code (`scale` pixels per module) with the standard quiet zone. */
export function qrPng(text: string, scale = 8): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale });
}
