/**
 * Concatenates label-sheet PDFs written by pdfkit into one document, streaming: each source is read,
 * its pages and what they use are copied with new object numbers, and only the page tree is new.
 * pdfkit cannot import pages and no general PDF library is a dependency, so this relies on the simple
 * shape of pdfkit's output (a classic xref table, direct stream lengths, a flat page tree); it is not a
 * general PDF merger and is only ever fed documents from `writeLabelSheet`.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const REF = /(\d+) 0 R\b/g;

interface SourceObject {
  /** The object's value up to `stream` (or its end), where references are rewritten. */
  head: string;
  /** `stream … endstream` bytes, copied as they are. */
  tail: Buffer;
}

/** Object number → its bytes, from the xref table at `startxref`. */
function readObjects(pdf: Buffer): { objects: Map<number, SourceObject>; root: number } {
  const tailText = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)/.exec(tailText)?.[1]);
  const xref = pdf.subarray(startxref).toString('latin1');
  const section = /^xref\s+0 (\d+)\s+/.exec(xref);
  const root = Number(/\/Root (\d+) 0 R/.exec(xref)?.[1]);
  if (!section || !Number.isFinite(startxref) || !Number.isFinite(root)) throw new Error('not a pdfkit PDF: no xref table');
  const count = Number(section[1]);
  const entries = xref.slice(section[0].length).split(/\r?\n/, count);
  const offsets: [number, number][] = [];
  entries.forEach((line, n) => {
    if (line.slice(17, 18) === 'n') offsets.push([n, Number(line.slice(0, 10))]);
  });
  offsets.sort((a, b) => a[1] - b[1]);
  const objects = new Map<number, SourceObject>();
  offsets.forEach(([n, start], i) => {
    const end = offsets[i + 1]?.[1] ?? startxref;
    const raw = pdf.subarray(start, end);
    const text = raw.toString('latin1');
    const bodyStart = text.indexOf('obj') + 3;
    const streamAt = text.indexOf('stream', bodyStart);
    const endobjAt = text.lastIndexOf('endobj');
    const headEnd = streamAt >= 0 ? streamAt : endobjAt;
    objects.set(n, {
      head: text.slice(bodyStart, headEnd).trim(),
      tail: streamAt >= 0 ? raw.subarray(streamAt, endobjAt) : Buffer.alloc(0),
    });
  });
  return { objects, root };
}

function refs(text: string): number[] {
  return [...text.replace(/\/Parent \d+ 0 R/g, '').matchAll(REF)].map((m) => Number(m[1]));
}

/** The page objects of a document, in order (descending into nested page trees). */
function pageRefs(objects: Map<number, SourceObject>, root: number): number[] {
  const pagesRef = Number(/\/Pages (\d+) 0 R/.exec(objects.get(root)?.head ?? '')?.[1]);
  const walk = (n: number): number[] => {
    const head = objects.get(n)?.head ?? '';
    if (!/\/Type \/Pages\b/.test(head)) return [n];
    const kids = /\/Kids \[([^\]]*)\]/.exec(head)?.[1] ?? '';
    return refs(kids).flatMap(walk);
  };
  return walk(pagesRef);
}

/** A six-letter subset tag unique to the `n`th font of the merged document. */
function subsetTag(n: number): string {
  let tag = '';
  for (let i = 0, v = n; i < 6; i++, v = Math.floor(v / 26)) tag = String.fromCharCode(65 + (v % 26)) + tag;
  return tag;
}

/**
 * Writes the pages of every source, in order, to `out` as one PDF; returns the page count. Fonts stay
 * per source (each a subset), renamed so that no two subsets share a name.
 */
export async function mergePdfs(sources: AsyncIterable<Buffer> | Iterable<Buffer>, out: Writable, title: string): Promise<number> {
  let offset = 0;
  const xref: number[] = [];
  const write = async (data: string | Buffer) => {
    const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    offset += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  };
  const writeObject = async (n: number, head: string, tail: Buffer = Buffer.alloc(0)) => {
    xref[n] = offset;
    await write(`${n} 0 obj\n${head}\n`);
    if (tail.length) await write(tail);
    await write('endobj\n');
  };
  await write('%PDF-1.3\n%\xe2\xe3\xcf\xd3\n');
  // 1: catalog, 2: page tree, 3: document info; the sources' objects follow.
  let next = 4;
  let fonts = 0;
  const kids: number[] = [];
  for await (const pdf of sources) {
    const { objects, root } = readObjects(pdf);
    const pages = pageRefs(objects, root);
    const renumber = new Map<number, number>();
    const queue = [...pages];
    while (queue.length) {
      const n = queue.shift() as number;
      if (renumber.has(n) || !objects.has(n)) continue;
      renumber.set(n, next++);
      queue.push(...refs(objects.get(n)?.head ?? ''));
    }
    const tags = new Map<string, string>();
    for (const [old, n] of renumber) {
      const source = objects.get(old) as SourceObject;
      const head = source.head
        .replace(/\/Parent \d+ 0 R/g, '/Parent 2 0 R')
        .replace(REF, (_m, ref: string) => `${renumber.get(Number(ref)) ?? 0} 0 R`)
        .replace(/\/([A-Z]{6})\+/g, (_m, tag: string) => {
          if (!tags.has(tag)) tags.set(tag, subsetTag(fonts++));
          return `/${tags.get(tag)}+`;
        });
      await writeObject(n, head, source.tail);
    }
    kids.push(...pages.map((p) => renumber.get(p) as number));
  }
  await writeObject(1, '<< /Type /Catalog /Pages 2 0 R >>');
  await writeObject(2, `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] >>`);
  const utf16 = Buffer.from(`\ufeff${title}`, 'utf16le').swap16().toString('hex');
  await writeObject(3, `<< /Title <${utf16}> /Producer (ydym) >>`);
  const xrefAt = offset;
  const lines = ['xref', `0 ${next}`, '0000000000 65535 f '];
  for (let n = 1; n < next; n++) lines.push(`${String(xref[n] ?? 0).padStart(10, '0')} 00000 ${xref[n] === undefined ? 'f' : 'n'} `);
  await write(`${lines.join('\n')}\ntrailer\n<< /Size ${next} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return kids.length;
}
