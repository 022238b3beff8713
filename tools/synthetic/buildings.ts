/**
 * A realistic synthetic district for demos and benchmarks: houses spread over the real villages
 * (urban communities denser), within about 1.5 km of each village centre, with a plausible mix of
 * uses, structures, floors, years and inspection results. Deterministic for a seed. External ids
 * `SYN-<seed>-<n>` mark the rows as synthetic and make a second run with the same seed add nothing.
 */
import type { BuildingCreateInput } from '../../domain/buildings/schema.ts';
import type { BusinessCategory, Judgement, StructureType } from '../../domain/buildings/enums.ts';
import { address, mobile, personName } from './people.ts';
import { districtVillages, offsetKm } from './places.ts';
import type { SyntheticVillage } from './places.ts';
import { Random } from './random.ts';

const FLOORS = { 1: 8, 2: 22, 3: 30, 4: 22, 5: 9, 6: 5, 7: 2.5, 8: 1.5 };
const USES: Record<BuildingCreateInput['use'], number> = { own_home: 58, rental: 30, business: 8, mixed: 2, other: 2 };
const CATEGORIES: Record<BusinessCategory, number> = {
  retail: 30,
  catering: 25,
  lodging: 10,
  production: 10,
  warehousing: 8,
  education: 4,
  medical: 3,
  entertainment: 3,
  elderly_care: 2,
  other: 5,
};
const STRUCTURE_BY_ERA: Record<'old' | 'middle' | 'new', Partial<Record<StructureType, number>>> = {
  old: { brick_timber: 35, earth_stone: 20, brick_concrete: 40, timber: 5 },
  middle: { brick_concrete: 70, reinforced_concrete: 20, brick_timber: 8, other: 2 },
  new: { brick_concrete: 45, reinforced_concrete: 50, steel: 3, other: 2 },
};
const FOUNDATIONS = { strip: 55, isolated: 15, raft: 5, pile: 3, rubble: 7, unknown: 10, none: 5 } as const;
const JUDGEMENTS: Record<Judgement | 'none_yet', number> = { none_yet: 10, none: 74, some: 13, serious: 3 };
const ERAS = { old: 10, middle: 35, recent: 40, newest: 15 };
const ALTERATIONS = { none: 86, added_floors: 7, extension: 6, load_bearing_change: 1 } as const;
const GRADES_SERIOUS = { B: 20, C: 50, D: 30 } as const;
const GRADES_OTHER = { A: 45, B: 45, C: 10 } as const;
const RECTIFY_SERIOUS = { pending: 20, in_progress: 40, done: 40 } as const;
const RECTIFY_SOME = { pending: 30, in_progress: 30, done: 40 } as const;
const MEASURES = [
  '加固承重墙体',
  '更换屋面及檩条',
  '停止使用并疏散人员',
  '拆除违法加建部分',
  '委托专业机构鉴定',
  '设置围挡和警示标志',
  '修复地基不均匀沉降',
];
const AGENCIES = ['清远市建设工程质量检测站', '广东省建筑科学研究院集团', '清远市恒信房屋安全鉴定有限公司', '广州穗监工程质量安全检测中心'];
const LAST_YEAR = 2024;

function yearBuilt(r: Random): number {
  const era = r.weighted(ERAS);
  if (era === 'old') return r.int(1960, 1979);
  if (era === 'middle') return r.int(1980, 1999);
  return era === 'recent' ? r.int(2000, 2014) : r.int(2015, LAST_YEAR);
}

function judgementPart(r: Random, use: BuildingCreateInput['use']): Partial<BuildingCreateInput> {
  const judgement = r.weighted(JUDGEMENTS);
  if (judgement === 'none_yet') return {};
  const at = r.date('2022-05-01', '2024-12-31');
  const out: Partial<BuildingCreateInput> = { latestJudgement: judgement, latestJudgementAt: at };
  const appraise =
    judgement === 'serious' ? r.chance(0.85) : judgement === 'some' ? r.chance(0.2) : r.chance(use === 'business' ? 0.08 : 0.02);
  if (appraise) {
    out.appraisalGrade = judgement === 'serious' ? r.weighted(GRADES_SERIOUS) : r.weighted(GRADES_OTHER);
    out.appraisalDate = r.date(at, '2025-06-30');
    out.appraisalReport = `${r.pick(AGENCIES)} 鉴定报告 QJ${out.appraisalDate.slice(0, 4)}-${String(r.int(1, 9999)).padStart(4, '0')}`;
  }
  if (judgement === 'none') return out;
  out.rectificationStatus = r.weighted(judgement === 'serious' ? RECTIFY_SERIOUS : RECTIFY_SOME);
  if (out.rectificationStatus !== 'pending') out.rectificationMeasures = `${r.pick(MEASURES)}；${r.pick(MEASURES)}`;
  return out;
}

/** One synthetic house of a village. */
function house(r: Random, village: SyntheticVillage, seed: number, n: number): BuildingCreateInput {
  const floorsAbove = Number(r.weighted(FLOORS));
  const built = yearBuilt(r);
  let structureType = r.weighted(STRUCTURE_BY_ERA[built < 1980 ? 'old' : built < 2000 ? 'middle' : 'new']);
  if (floorsAbove >= 5 && structureType !== 'reinforced_concrete' && r.chance(0.8)) structureType = 'reinforced_concrete';
  const use = r.weighted(USES);
  const businessCategory = use === 'business' || (use === 'mixed' && r.chance(0.6)) ? r.weighted(CATEGORIES) : null;
  const alteration = r.weighted(ALTERATIONS);
  const occupants = { own_home: [2, 6], rental: [3, 15], business: [0, 10], mixed: [3, 20], other: [0, 3] }[use];
  const distance = Math.min(1.5, Math.abs(r.normal()) * 0.6);
  const angle = r.next() * 2 * Math.PI;
  const [lon, lat] = offsetKm(village.longitude, village.latitude, distance * Math.cos(angle), distance * Math.sin(angle));
  const modern = built >= 2000;
  const foundation = r.weighted(FOUNDATIONS);
  return {
    villageCode: village.code,
    externalId: `SYN-${seed}-${String(n).padStart(7, '0')}`,
    address: address(r, village),
    longitude: Math.round(lon * 1e6) / 1e6,
    latitude: Math.round(lat * 1e6) / 1e6,
    ownerName: r.chance(0.96) ? personName(r) : null,
    ownerPhone: r.chance(0.85) ? mobile(r) : null,
    floorsAbove,
    floorsBelow: r.chance(0.03) ? 1 : 0,
    floorArea: Math.round(floorsAbove * (60 + r.next() * 100) * 100) / 100,
    yearBuilt: built,
    structureType,
    foundationType: foundation === 'none' ? null : foundation,
    professionallyDesigned: r.chance(0.1) ? null : r.chance(modern ? 0.45 : 0.15),
    qualifiedBuilder: r.chance(0.1) ? null : r.chance(modern ? 0.5 : 0.2),
    alteration,
    alterationYear: alteration === 'none' ? null : r.int(built, LAST_YEAR),
    use,
    businessCategory,
    occupants: r.int(occupants[0] ?? 0, occupants[1] ?? 5),
    rectificationStatus: 'not_needed',
    ...judgementPart(r, use),
  };
}

/**
 * `count` houses for `seed`, spread over the villages by weight (an urban community twice a rural
 * village). The default villages are those of 清城区.
 */
export function* syntheticBuildings(
  count: number,
  seed = 42,
  villages: readonly SyntheticVillage[] = districtVillages(),
): Generator<BuildingCreateInput> {
  if (villages.length === 0) throw new RangeError('no villages to place synthetic houses in');
  const r = new Random(seed);
  const weights = Object.fromEntries(villages.map((v, i) => [String(i), v.urban ? 2 : 1]));
  for (let n = 1; n <= count; n++) {
    const village = villages[Number(r.weighted(weights))] ?? villages[0];
    if (village) yield house(r, village, seed, n);
  }
}
