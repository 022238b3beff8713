/**
 * The special inspection (专项排查) a house waits in for the signed-in inspector, so the form opened
 * for it says so and the inspection is recorded against it. When the house waits in several, the one
 * the inbox opened the form for (`?campaign=`) wins. A failed lookup is no campaign: the inspection is
 * still recorded, and the server still marks the house done in every running campaign it waits in.
 */
import { readJson, send } from '../../httpCore.ts';

export interface OpenCampaign {
  id: string;
  name: string;
}

export async function campaignOf(buildingCode: string, preferred: string | null, signal: AbortSignal): Promise<OpenCampaign | null> {
  const search = new URLSearchParams({ buildingCode, perPage: '20', sort: 'dueAt', order: 'asc' });
  try {
    const response = await send(`/api/campaign-tasks?${search}`, { signal });
    if (!response.ok) return null;
    const body = (await readJson(response)) as { data?: { campaignId: string; campaignName: string }[] };
    const waiting = body.data ?? [];
    const chosen = waiting.find((t) => t.campaignId === preferred) ?? waiting[0];
    return chosen ? { id: chosen.campaignId, name: chosen.campaignName } : null;
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}
