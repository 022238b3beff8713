/**
 * The two calls of the scan page, on the framework-free `httpCore.ts` so the page stays free of
 * react-admin: the building's public summary (no sign-in), and who is signed in on this phone, if
 * anyone.
 */
import type { BuildingUse, Judgement, StructureType } from '../../../../domain/buildings/enums.ts';
import type { Role } from '../../../../domain/roles.ts';
import { csrfToken, drain, readApiError, readJson, send } from '../../httpCore.ts';

/** `GET /api/public/buildings/:code`: what anyone may know about a house; no personal data. */
export interface PublicBuilding {
  code: string;
  address: string;
  villageName: string | null;
  townName: string | null;
  districtName: string | null;
  use: BuildingUse;
  floorsAbove: number;
  structureType: StructureType;
  latestJudgement: Judgement | null;
  latestJudgementAt: string | null;
}

export type Lookup =
  { kind: 'found'; building: PublicBuilding } | { kind: 'invalid'; message: string } | { kind: 'notFound' } | { kind: 'failed' };

export async function lookUpBuilding(code: string, signal: AbortSignal): Promise<Lookup> {
  let response: Response;
  try {
    response = await send(`/api/public/buildings/${encodeURIComponent(code)}`, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'failed' };
  }
  if (response.ok) return { kind: 'found', building: (await readJson(response)) as PublicBuilding };
  if (response.status === 400) return { kind: 'invalid', message: (await readApiError(response)).message ?? '' };
  await drain(response);
  return response.status === 404 ? { kind: 'notFound' } : { kind: 'failed' };
}

export interface Viewer {
  id: string;
  role: Role;
  regionCode: string;
}

/**
 * The signed-in user of this browser, or null (a citizen, or an expired session). Only a browser
 * that signed in here holds the readable CSRF cookie; a citizen's phone is not asked about at all.
 */
export async function whoIsSignedIn(signal: AbortSignal): Promise<Viewer | null> {
  if (csrfToken() === undefined) return null;
  try {
    const response = await send('/api/auth/me', { signal });
    if (!response.ok) {
      await drain(response);
      return null;
    }
    const body = (await readJson(response)) as { user?: Viewer };
    return body.user ?? null;
  } catch {
    return null;
  }
}
