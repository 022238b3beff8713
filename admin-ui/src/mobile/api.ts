/**
 * The two calls of the scan page, with plain `fetch` so the page stays free of react-admin: the
 * building's public summary (no sign-in), and who is signed in on this phone, if anyone.
 */
import type { BuildingUse, Judgement, StructureType } from '../../../domain/buildings/enums.ts';
import type { Role } from '../../../domain/roles.ts';

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

/** Reads and drops a body nobody needs, so the browser can close the request. */
async function drain(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

async function errorMessage(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : null;
  } catch {
    return null;
  }
}

export async function lookUpBuilding(code: string, signal: AbortSignal): Promise<Lookup> {
  let response: Response;
  try {
    response = await fetch(`/api/public/buildings/${encodeURIComponent(code)}`, { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'failed' };
  }
  if (response.ok) return { kind: 'found', building: (await response.json()) as PublicBuilding };
  if (response.status === 400) return { kind: 'invalid', message: (await errorMessage(response)) ?? '' };
  await drain(response);
  return response.status === 404 ? { kind: 'notFound' } : { kind: 'failed' };
}

export interface Viewer {
  role: Role;
  regionCode: string;
}

/**
 * The signed-in user of this browser, or null (a citizen, or an expired session). Only a browser
 * that signed in here holds the readable CSRF cookie; a citizen's phone is not asked about at all.
 */
export async function whoIsSignedIn(signal: AbortSignal): Promise<Viewer | null> {
  if (!document.cookie.split(';').some((c) => c.trim().startsWith('ydym_csrf='))) return null;
  try {
    const response = await fetch('/api/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
    if (!response.ok) {
      await drain(response);
      return null;
    }
    const body = (await response.json()) as { user?: Viewer };
    return body.user ?? null;
  } catch {
    return null;
  }
}
