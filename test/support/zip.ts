/**
 * Hand-assembled ZIP files (Node's zlib, no zip library), for workbooks no spreadsheet program would
 * write: a zip bomb, a sheet of millions of cells. Entries are deflated from parts given as chunks, so
 * a part of hundreds of megabytes is never held whole.
 */
import { createDeflateRaw } from 'node:zlib';

/** One entry: its name and its content as chunks (repeated chunks make a large part cheaply). */
export interface ZipPart {
  name: string;
  chunks: Iterable<Buffer | string>;
}

async function deflate(chunks: Iterable<Buffer | string>): Promise<{ data: Buffer; size: number }> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflater.on('end', resolve).on('error', reject));
  let size = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  return { data: Buffer.concat(out), size };
}

/** A zip of the parts, in order (CRCs are left zero: the importer does not check them). */
export async function zipOf(parts: ZipPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size } = await deflate(part.chunks);
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The same chunk `times` times, lazily. */
export function* repeated(chunk: Buffer | string, times: number): Generator<Buffer | string> {
  for (let i = 0; i < times; i++) yield chunk;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A minimal workbook whose first sheet (房屋信息) is `sheet` (the XML inside <sheetData>) and whose
 * shared strings are `strings`; the sheet comes before the shared strings, as Excel writes them.
 */
export function workbookParts(sheet: Iterable<Buffer | string>, strings: Iterable<Buffer | string>): ZipPart[] {
  return [
    {
      name: 'xl/workbook.xml',
      chunks: [
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="房屋信息" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ],
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      chunks: ['<?xml version="1.0" encoding="UTF-8"?>', `<worksheet xmlns="${MAIN}"><sheetData>`, ...sheet, '</sheetData></worksheet>'],
    },
    { name: 'xl/sharedStrings.xml', chunks: ['<?xml version="1.0" encoding="UTF-8"?>', `<sst xmlns="${MAIN}">`, ...strings, '</sst>'] },
  ];
}
