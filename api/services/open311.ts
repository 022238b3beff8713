/**
 * Open311's reads: the public requests (complaints, only what the public may read) with the agency
 * responsible for each, named after its district's housing bureau. Filing goes through `ComplaintService`.
 */
import type { ComplaintStore, PublicRequest, PublicRequestFilter } from '../../domain/complaints/store.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';

/** A public request and the agency responsible for it. */
export interface AgencyRequest {
  request: PublicRequest;
  agency: string;
}

export class Open311Service {
  constructor(private readonly deps: { complaints: ComplaintStore; regions: Pick<RegionStore, 'nameOf'> }) {}

  /** The requests of `filter`, newest first, each with its agency (one look-up per district). */
  async requests(filter: PublicRequestFilter): Promise<AgencyRequest[]> {
    const rows = await this.deps.complaints.publicRequests(filter);
    const agencies = new Map<string, string>();
    for (const r of rows) {
      const district = r.regionCode.slice(0, 6);
      if (!agencies.has(district)) agencies.set(district, await this.agencyOf(district));
    }
    return rows.map((request) => ({ request, agency: agencies.get(request.regionCode.slice(0, 6)) as string }));
  }

  /** One request by its tracking number (already upper case and well formed). */
  async request(trackingNo: string): Promise<AgencyRequest | undefined> {
    const [found] = await this.requests({ trackingNos: [trackingNo], limit: 1 });
    return found;
  }

  private async agencyOf(district: string): Promise<string> {
    return `${(await this.deps.regions.nameOf(district)) ?? ''}住房和城乡建设局`;
  }
}
