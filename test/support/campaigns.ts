/** Campaigns in tests: waiting for a campaign's workflow to bring it to a state. */
import assert from 'node:assert/strict';
import type { ApiClient } from './http.ts';

export interface CampaignReply {
  id: string;
  status: string;
  progress: { total: number; done: number; pending: number; overdue: number };
}

/** The campaign as `client` reads it once `check` holds (its workflow moves it), else fails naming `what`. */
export async function waitForCampaign<C = CampaignReply>(
  client: ApiClient,
  id: string,
  check: (c: C) => boolean,
  what: string,
): Promise<C> {
  const until = Date.now() + 30_000;
  let last: C | undefined;
  while (Date.now() < until) {
    last = (await client.get<C>(`/api/campaigns/${id}`)).body;
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what}; last: ${JSON.stringify(last)}`);
}
