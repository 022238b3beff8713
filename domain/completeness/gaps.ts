/**
 * Data completeness (摸清底数, issue 20 §3): the gaps a house's record may have, each one SQL predicate
 * over `buildings as b`. The completeness report counts with these predicates and the registry list
 * filters with the same ones (`gap=…`), so a count and the list it links to agree by construction.
 */
import { labelled } from '../labelled.ts';
import { BUSINESS_LICENCE_TYPES, BUSINESS_USES } from '../buildings/enums.ts';

export const GAP = labelled({
  no_coordinates: '无坐标',
  no_owner: '无户主',
  no_approvals: '无审批手续',
  business_no_licence: '经营性无营业执照',
  business_no_appraisal: '经营性无安全鉴定',
  dangerous_no_appraisal: '判定危险无安全鉴定',
  likely_duplicate: '疑似重复',
});
export type Gap = (typeof GAP.values)[number];

/** Two houses this close (metres) with similar floors and area are likely one house registered twice. */
export const DUPLICATE_RADIUS_M = 5;
/** Floors differing by at most this many, and floor areas by at most this share, count as similar. */
export const DUPLICATE_FLOORS = 1;
export const DUPLICATE_AREA_SHARE = 0.2;

const METRES_PER_DEGREE = 111_195;
const uses = BUSINESS_USES.map((u) => `'${u}'`).join(', ');
const business = `b.use IN (${uses})`;
// Degrees of latitude for the radius; longitude's box is widened by 1/cos(latitude) (≤ 1.1 at 25°N,
// the platform's whole country is below 54°N: a factor of 1.7 covers it).
const dLat = DUPLICATE_RADIUS_M / METRES_PER_DEGREE;
const dLng = dLat * 1.8;

/**
 * The same address once normalised (`building_address_key`, migration 20261207_0300: case, spaces,
 * punctuation and full-width digits ignored) in the same village, or a point within DUPLICATE_RADIUS_M
 * of another house's with similar floors and area (any village: a house registered on both sides of a
 * boundary is a duplicate too).
 */
const DUPLICATE = `(EXISTS (SELECT 1 FROM buildings d
    WHERE d.village_code = b.village_code AND d.code <> b.code
      AND building_address_key(d.address) = building_address_key(b.address))
  OR (b.latitude IS NOT NULL AND EXISTS (SELECT 1 FROM buildings d
    WHERE d.code <> b.code
      AND d.latitude BETWEEN b.latitude - ${dLat} AND b.latitude + ${dLat}
      AND d.longitude BETWEEN b.longitude - ${dLng} AND b.longitude + ${dLng}
      AND sqrt(power(d.latitude - b.latitude, 2) + power((d.longitude - b.longitude) * cos(radians(b.latitude)), 2)) * ${METRES_PER_DEGREE} <= ${DUPLICATE_RADIUS_M}
      AND abs(d.floors_above - b.floors_above) <= ${DUPLICATE_FLOORS}
      AND (d.floor_area IS NULL OR b.floor_area IS NULL
        OR abs(d.floor_area - b.floor_area) <= ${DUPLICATE_AREA_SHARE} * greatest(d.floor_area, b.floor_area)))))`;

/** Each gap as a boolean SQL expression over `buildings as b` (constants only: no bindings). */
export const GAP_SQL: Record<Gap, string> = {
  no_coordinates: '(b.latitude IS NULL OR b.longitude IS NULL)',
  no_owner: "(b.owner_name IS NULL OR btrim(b.owner_name) = '')",
  no_approvals: '(jsonb_array_length(b.approvals) = 0)',
  business_no_licence: `(${business} AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(b.approvals) AS a
    WHERE a->>'type' IN (${BUSINESS_LICENCE_TYPES.map((t) => `'${t}'`).join(', ')})))`,
  business_no_appraisal: `(${business} AND b.appraisal_grade IS NULL)`,
  dangerous_no_appraisal: "(b.latest_judgement = 'serious' AND b.appraisal_grade IS NULL)",
  likely_duplicate: DUPLICATE,
};
