/**
 * Reading an operator's boundary file for `npm run import:boundaries` (issue 18 §2): a GeoJSON
 * FeatureCollection (RFC 7946, WGS-84 longitude/latitude) whose features are town or village
 * boundaries, each naming its region code in a property. Every problem is reported with the feature's
 * index and the reason, in Chinese then English, so the operator can fix the file in one pass; the
 * caller writes nothing unless there is none.
 */
import type { OutlineGeometry, Position } from './outlines.ts';
import { ringArea } from './rings.ts';

export interface BoundaryFeature {
  /** Index in the file's `features` array. */
  index: number;
  code: string;
  level: 'town' | 'village';
  geometry: OutlineGeometry;
}

export interface BoundaryProblem {
  /** Index in `features`, or null for the file as a whole. */
  index: number | null;
  message: string;
}

/** Coordinate systems accepted by name in a (pre-RFC 7946) `crs` member: WGS-84 and CGCS2000, which agree to centimetres. */
const WGS84_NAMES = /^(urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:EPSG::(4326|4490)|EPSG:(4326|4490))$/i;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `value` is not a ring of WGS-84 positions, or the ring (altitudes dropped). */
function ring(value: unknown, where: string): { ring: Position[] } | { problem: string } {
  if (!Array.isArray(value) || value.length < 4) {
    return { problem: `${where} 须为至少 4 个坐标的闭合环 / must be a closed ring of at least 4 positions` };
  }
  const out: Position[] = [];
  for (const [i, p] of value.entries()) {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((c) => typeof c === 'number' && Number.isFinite(c))) {
      return { problem: `${where}[${i}] 不是 [经度, 纬度] 坐标 / is not a [longitude, latitude] position` };
    }
    const [lon, lat] = p as number[];
    if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) {
      return {
        problem: `${where}[${i}] 超出 WGS-84 经纬度范围（${lon}, ${lat}），须为十进制度的经度、纬度 / is outside the WGS-84 range: longitude, latitude in decimal degrees expected`,
      };
    }
    out.push([lon!, lat!]);
  }
  const [first, last] = [out[0]!, out[out.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) return { problem: `${where} 首尾坐标不同，环未闭合 / ring is not closed` };
  if (ringArea(out) === 0) return { problem: `${where} 面积为零 / ring has no area` };
  return { ring: out };
}

/** The geometry with 2-D positions, or why it is not a WGS-84 Polygon or MultiPolygon. */
export function boundaryGeometry(value: unknown): { geometry: OutlineGeometry } | { problem: string } {
  if (!isObject(value)) return { problem: '缺少 geometry / geometry missing' };
  const polygon = (rings: unknown, where: string): { rings: Position[][] } | { problem: string } => {
    if (!Array.isArray(rings) || rings.length === 0) return { problem: `${where} 须为环的数组 / must be an array of rings` };
    const out: Position[][] = [];
    for (const [i, r] of rings.entries()) {
      const checked = ring(r, `${where}[${i}]`);
      if ('problem' in checked) return checked;
      out.push(checked.ring);
    }
    return { rings: out };
  };
  if (value.type === 'Polygon') {
    const p = polygon(value.coordinates, 'coordinates');
    return 'problem' in p ? p : { geometry: { type: 'Polygon', coordinates: p.rings } };
  }
  if (value.type === 'MultiPolygon') {
    if (!Array.isArray(value.coordinates) || value.coordinates.length === 0) {
      return { problem: 'coordinates 须为多边形的数组 / must be an array of polygons' };
    }
    const polygons: Position[][][] = [];
    for (const [i, rings] of value.coordinates.entries()) {
      const p = polygon(rings, `coordinates[${i}]`);
      if ('problem' in p) return p;
      polygons.push(p.rings);
    }
    return { geometry: { type: 'MultiPolygon', coordinates: polygons } };
  }
  return { problem: `几何类型须为 Polygon 或 MultiPolygon，实为 ${String(value.type)} / geometry must be a Polygon or MultiPolygon` };
}

/** The region code a feature names in `property` (a string, or an integer as converters often write it). */
function codeOf(properties: unknown, property: string): { code: string } | { problem: string } {
  const value = isObject(properties) ? properties[property] : undefined;
  const code = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!code) return { problem: `properties.${property} 缺少区划代码 / region code missing` };
  if (!/^(\d{9}|\d{12})$/.test(code)) {
    return {
      problem: `properties.${property}「${code}」须为 9 位镇街或 12 位村居区划代码 / must be a 9-digit town or 12-digit village code`,
    };
  }
  return { code };
}

/** Parses and checks a boundary file; features are returned only when no problem was found. */
export function parseBoundaryFile(text: string, codeProperty: string): { features: BoundaryFeature[]; problems: BoundaryProblem[] } {
  const whole = (message: string) => ({ features: [], problems: [{ index: null, message }] });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return whole(`文件不是有效的 JSON / not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    return whole('文件须为 GeoJSON FeatureCollection / the file must be a GeoJSON FeatureCollection');
  }
  const crsName = isObject(doc.crs) && isObject(doc.crs.properties) ? doc.crs.properties.name : undefined;
  if (crsName !== undefined && !WGS84_NAMES.test(String(crsName))) {
    return whole(`坐标系 ${String(crsName)} 不是 WGS-84（EPSG:4326）/ the crs must be WGS-84; convert the file first`);
  }
  if (doc.features.length === 0) return whole('文件中没有要素 / the file has no features');
  const features: BoundaryFeature[] = [];
  const problems: BoundaryProblem[] = [];
  const firstIndex = new Map<string, number>();
  for (const [index, feature] of doc.features.entries()) {
    const fail = (message: string) => problems.push({ index, message });
    if (!isObject(feature) || feature.type !== 'Feature') {
      fail('不是 GeoJSON Feature / not a GeoJSON Feature');
      continue;
    }
    const code = codeOf(feature.properties, codeProperty);
    if ('problem' in code) {
      fail(code.problem);
      continue;
    }
    const seen = firstIndex.get(code.code);
    if (seen !== undefined) {
      fail(`区划代码 ${code.code} 与 features[${seen}] 重复 / code repeated from features[${seen}]`);
      continue;
    }
    firstIndex.set(code.code, index);
    const geometry = boundaryGeometry(feature.geometry);
    if ('problem' in geometry) {
      fail(geometry.problem);
      continue;
    }
    features.push({ index, code: code.code, level: code.code.length === 9 ? 'town' : 'village', geometry: geometry.geometry });
  }
  return problems.length ? { features: [], problems } : { features, problems };
}

/** How a problem reads on the operator's terminal. */
export function describeProblem(problem: BoundaryProblem): string {
  return problem.index === null ? problem.message : `features[${problem.index}]（第 ${problem.index + 1} 个要素）：${problem.message}`;
}
