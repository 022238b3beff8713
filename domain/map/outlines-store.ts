/**
 * The stored outlines of towns and villages and what they are computed from (issue 18 §2); the SQL
 * lives in `DatabaseOutlineStore` (database-outlines-store.ts), the caching rules in region-outlines.ts.
 * A scope is a region code prefix: every town and village whose code starts with it.
 */
import type { OutlineGeometry, Position } from './outlines.ts';

export type OutlineLevel = 'town' | 'village';
export type OutlineSource = 'hull' | 'import';

/** A village's houses now: how many, how many have a position, and a fingerprint of those positions. */
export interface VillagePoints {
  code: string;
  houses: number;
  located: number;
  /** Changes when a located house is added, removed or moved (count and sums of the coordinates). */
  fingerprint: string;
}

export interface StoredOutline {
  code: string;
  level: OutlineLevel;
  geometry: OutlineGeometry;
  approximate: boolean;
  source: OutlineSource;
  /** House positions the hull was drawn around (0 for an imported boundary). */
  houseCount: number;
  fingerprint: string;
  computedAt: Date;
}

export type OutlineInput = Omit<StoredOutline, 'computedAt'>;

export interface OutlineStore {
  /** Per village of the scope that has houses: counts and the fingerprint of the positions. */
  villagePoints(scope: string): Promise<VillagePoints[]>;
  /** The located houses' positions of these villages, by village. */
  positions(villageCodes: readonly string[]): Promise<Map<string, Position[]>>;
  /** The stored outlines of the scope. */
  stored(scope: string): Promise<StoredOutline[]>;
  /** The towns and villages of the scope with their names. */
  regions(scope: string): Promise<{ code: string; name: string }[]>;
  /** Stores computed hulls; an imported boundary stored meanwhile is left as it is. */
  saveHulls(outlines: readonly OutlineInput[]): Promise<void>;
  /** Deletes the hulls of these regions (their houses are gone); imported boundaries stay. */
  dropHulls(codes: readonly string[]): Promise<void>;
  /** Of these codes, those that are not a town or a village of the region tree. */
  unknownRegions(codes: readonly string[]): Promise<string[]>;
  /** Stores imported boundaries in one transaction, replacing what was there; counts the replaced ones. */
  importBoundaries(outlines: readonly OutlineInput[]): Promise<{ added: number; replaced: number }>;
}
