/**
 * Label printing speed, for the registry bench (`npm run bench:registry`): label PDF output in labels
 * per second, beside bare QR generation (`QRCode.create`) as the baseline. Run alone with
 * `node --import tsx bench/labels.ts [labels]`.
 */
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import QRCode from 'qrcode';
import { buildingCode } from '../domain/buildings/code.ts';
import { writeLabelSheet } from '../domain/labels/pdf.ts';
import type { LabelData } from '../domain/labels/pdf.ts';
import { labelUrl } from '../domain/labels/qr.ts';

/** Rates measured by one run. */
export interface LabelBenchResult {
  labels: number;
  /** Label sheets written to /dev/null, fonts embedded and compressed as for real. */
  labelsPerSecond: number;
  /** QR symbols computed by `qrcode` for the same URLs, nothing drawn. */
  qrPerSecond: number;
}

/** Made-up labels with realistic addresses and URLs (what the registry would give). */
function benchLabels(n: number): LabelData[] {
  return Array.from({ length: n }, (_, i) => {
    const code = buildingCode(
      `441802${String(6 + (i % 4)).padStart(3, '0')}${String(1 + (i % 20)).padStart(3, '0')}`,
      1 + Math.floor(i / 80),
    );
    return {
      code,
      address: `清城区某某街道某某村委会第${(i % 30) + 1}巷${i + 1}号`,
      districtName: '清远市清城区',
      url: labelUrl('https://ydym.qingcheng.gov.cn', code),
    };
  });
}

/** Renders `n` labels to /dev/null and computes `n` bare QR symbols; returns both rates. */
export async function benchLabelPrinting(n = 3000): Promise<LabelBenchResult> {
  const labels = benchLabels(n);
  const startQr = performance.now();
  for (const label of labels) QRCode.create(label.url, { errorCorrectionLevel: 'M' });
  const qrSeconds = (performance.now() - startQr) / 1000;
  const startPdf = performance.now();
  await writeLabelSheet(labels, createWriteStream('/dev/null'));
  const pdfSeconds = (performance.now() - startPdf) / 1000;
  return { labels: n, labelsPerSecond: Math.round(n / pdfSeconds), qrPerSecond: Math.round(n / qrSeconds) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchLabelPrinting(Number(process.argv[2] ?? 3000));
  console.log(`label PDF: ${result.labelsPerSecond} labels/s; bare qrcode: ${result.qrPerSecond} codes/s (${result.labels} each)`);
}
