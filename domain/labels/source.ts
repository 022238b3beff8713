/**
 * What labels show, read from the registry: each building's code and address, the name of its city
 * and district (清远市清城区), and the URL its QR code carries. Reads are in code order, so a sheet
 * follows the village's numbering and chunks of a batch can continue from the last code printed.
 */
import type { Db } from '../db.ts';
import type { LabelData } from './pdf.ts';
import { labelUrl } from './qr.ts';

interface Row {
  code: string;
  address: string;
}

/** Reads label data for one base URL; caches district names for the life of the instance. */
export class LabelSource {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly baseUrl: string,
  ) {}

  /** The labels of these buildings, in code order (unknown codes are left out). */
  async forCodes(codes: readonly string[]): Promise<LabelData[]> {
    if (codes.length === 0) return [];
    const rows = (await this.db('buildings').select('code', 'address').whereIn('code', codes).orderBy('code')) as Row[];
    return this.toLabels(rows);
  }

  /**
   * Up to `limit` buildings of a region after `afterCode`, in code order; only those registered before
   * `createdBefore`, so a long batch prints the region as it was when the batch was made.
   */
  async page(regionCode: string, afterCode: string | null, limit: number, createdBefore: Date): Promise<LabelData[]> {
    const query = this.db('buildings')
      .select('code', 'address')
      .whereRaw('village_code LIKE ?', [`${regionCode}%`])
      .where('created_at', '<=', createdBefore)
      .orderBy('code')
      .limit(limit);
    if (afterCode) query.where('code', '>', afterCode);
    return this.toLabels((await query) as Row[]);
  }

  /** How many buildings `page` would go through. */
  async count(regionCode: string, createdBefore: Date): Promise<number> {
    const row = (await this.db('buildings')
      .whereRaw('village_code LIKE ?', [`${regionCode}%`])
      .where('created_at', '<=', createdBefore)
      .count({ n: '*' })
      .first()) as { n: number } | undefined;
    return row?.n ?? 0;
  }

  private async toLabels(rows: Row[]): Promise<LabelData[]> {
    const districts = [...new Set(rows.map((r) => r.code.slice(0, 6)))];
    await Promise.all(districts.filter((d) => !this.names.has(d)).map((d) => this.loadDistrictName(d)));
    return rows.map((r) => ({
      code: r.code,
      address: r.address,
      districtName: this.names.get(r.code.slice(0, 6)) ?? '',
      url: labelUrl(this.baseUrl, r.code),
    }));
  }

  /** 清远市清城区: the city's name, then the district's. */
  private async loadDistrictName(district: string): Promise<void> {
    const rows = (await this.db('regions')
      .select('code', 'name')
      .whereIn('code', [district.slice(0, 4), district])
      .orderBy('code')) as { code: string; name: string }[];
    this.names.set(district, rows.map((r) => r.name).join(''));
  }
}
