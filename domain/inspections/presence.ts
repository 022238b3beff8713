/**
 * Proof of presence: how far the phone was from the house when the inspection was sent. Both
 * positions are WGS-84 (the phone's geolocation and the registry's coordinates), so the great-circle
 * distance needs no datum conversion.
 */

/** Beyond this distance an inspection is accepted but flagged for the town officer. */
export const PRESENCE_RADIUS_M = 200;

export type Presence = 'near' | 'far' | 'missing' | 'unverifiable';

export interface LatLng {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in metres. */
export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Where the phone was relative to the house; `flagged` when the town officer should look. */
export function presenceOf(
  phone: LatLng | null,
  house: { latitude: number | null; longitude: number | null },
): { presence: Presence; distanceM: number | null; flagged: boolean } {
  if (!phone) return { presence: 'missing', distanceM: null, flagged: true };
  if (house.latitude == null || house.longitude == null) return { presence: 'unverifiable', distanceM: null, flagged: false };
  const d = Math.round(distanceM(phone, { latitude: house.latitude, longitude: house.longitude }));
  return d > PRESENCE_RADIUS_M ? { presence: 'far', distanceM: d, flagged: true } : { presence: 'near', distanceM: d, flagged: false };
}

export const isFlagged = (presence: string) => presence === 'far' || presence === 'missing';
