/**
 * The outlines of a region scope as GeoJSON (issue 18 §2), hulls computed once and cached in
 * `region_outlines`: a village's hull is drawn again only when the fingerprint of its houses'
 * positions has changed (a house added, removed or moved); a town's, drawn around its villages'
 * outlines, when any of theirs has. An imported boundary is always used as it is and never recomputed.
 */
import { createHash } from 'node:crypto';
import { TOWN_HULL, VILLAGE_HULL, outerVertices, outlineAround } from './outlines.ts';
import type { OutlineGeometry } from './outlines.ts';
import type { OutlineInput, OutlineLevel, OutlineStore, StoredOutline } from './outlines-store.ts';

export interface OutlineProperties {
  code: string;
  name: string;
  level: OutlineLevel;
  /** True for a hull drawn around the houses; false for an imported official boundary. */
  approximate: boolean;
  /** Houses registered in the region now (those without a position included). */
  houses: number;
}
export interface OutlineFeature {
  type: 'Feature';
  geometry: OutlineGeometry;
  properties: OutlineProperties;
}
export interface OutlineCollection {
  type: 'FeatureCollection';
  features: OutlineFeature[];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The fingerprint an imported boundary is stored with: a digest of its geometry. */
export function importFingerprint(geometry: OutlineGeometry): string {
  return `import:${createHash('sha1').update(JSON.stringify(geometry)).digest('hex')}`;
}

/** A town's hull depends on its villages' outlines only: their codes, sources and fingerprints. */
function townFingerprint(villages: readonly StoredOutline[]): string {
  const hash = createHash('sha1');
  for (const v of villages) hash.update(`${v.code}:${v.source}:${v.fingerprint};`);
  return `villages:${villages.length}:${hash.digest('hex')}`;
}

/**
 * The towns and villages of `scope` (a region code prefix; '' for all), each with its outline:
 * missing and stale hulls are computed and stored first. Towns come before their villages, so a
 * map drawing them in order shows the villages on top. Regions with no located house and no imported
 * boundary have no outline and are left out.
 */
export async function regionOutlines(store: OutlineStore, scope: string): Promise<OutlineCollection> {
  const [points, stored, regions] = await Promise.all([store.villagePoints(scope), store.stored(scope), store.regions(scope)]);
  const outlines = new Map(stored.map((o) => [o.code, o]));
  const houses = new Map(points.map((p) => [p.code, p.houses]));

  const located = new Map(points.filter((p) => p.located > 0).map((p) => [p.code, p]));
  const stale = [...located.values()].filter((p) => {
    const o = outlines.get(p.code);
    return !o || (o.source === 'hull' && o.fingerprint !== p.fingerprint);
  });
  const gone = stored.filter((o) => o.level === 'village' && o.source === 'hull' && !located.has(o.code)).map((o) => o.code);
  const positions = await store.positions(stale.map((p) => p.code));
  const villageHulls: OutlineInput[] = [];
  for (const p of stale) {
    const at = positions.get(p.code) ?? [];
    const geometry = outlineAround(at, VILLAGE_HULL).geometry;
    villageHulls.push({
      code: p.code,
      level: 'village',
      geometry,
      approximate: true,
      source: 'hull',
      houseCount: at.length,
      fingerprint: p.fingerprint,
    });
    // A whole district's first drawing takes about a second of CPU: other requests are served in between.
    await yieldToEventLoop();
  }
  for (const code of gone) outlines.delete(code);
  for (const h of villageHulls) outlines.set(h.code, { ...h, computedAt: new Date() });

  const townHulls: OutlineInput[] = [];
  for (const town of regions.filter((r) => r.code.length === 9)) {
    const current = outlines.get(town.code);
    if (current?.source === 'import') continue;
    const villages = [...outlines.values()].filter((o) => o.level === 'village' && o.code.startsWith(town.code));
    villages.sort((a, b) => a.code.localeCompare(b.code));
    if (villages.length === 0) {
      if (current) gone.push(town.code);
      outlines.delete(town.code);
      continue;
    }
    const fingerprint = townFingerprint(villages);
    if (current?.fingerprint === fingerprint) continue;
    const hull: OutlineInput = {
      code: town.code,
      level: 'town',
      geometry: outlineAround(
        villages.flatMap((v) => outerVertices(v.geometry)),
        TOWN_HULL,
      ).geometry,
      approximate: true,
      source: 'hull',
      houseCount: villages.reduce((sum, v) => sum + v.houseCount, 0),
      fingerprint,
    };
    townHulls.push(hull);
    outlines.set(town.code, { ...hull, computedAt: new Date() });
  }
  await store.dropHulls(gone);
  await store.saveHulls([...villageHulls, ...townHulls]);

  const features: OutlineFeature[] = [];
  for (const level of ['town', 'village'] as const) {
    for (const region of regions) {
      const o = outlines.get(region.code);
      if (!o || o.level !== level) continue;
      const count =
        level === 'village'
          ? (houses.get(region.code) ?? 0)
          : points.filter((p) => p.code.startsWith(region.code)).reduce((s, p) => s + p.houses, 0);
      features.push({
        type: 'Feature',
        geometry: o.geometry,
        properties: { code: o.code, name: region.name, level, approximate: o.approximate, houses: count },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
