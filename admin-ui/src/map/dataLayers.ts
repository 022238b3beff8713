/**
 * The layers drawn from the API's vector tiles, one set per map layer (houses by tier, open cases by
 * severity, recent complaints, a campaign's progress, the houses of waiting warnings). Tiles carry grid clusters (`count` > 1) at
 * district zoom and single features closer; clusters are circles sized by their count with the count
 * written inside, single features dots in their category's colour. At zoom 16 and above the houses'
 * tile also has `footprints`, which the 3D view extrudes by height.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { RISK_TIERS } from '../../../definitions/risk-tiers/index.ts';
import type { RiskTier } from '../../../definitions/risk-tiers/index.ts';
import { SERIES_COLOURS, TIER_COLOURS } from '../stats/colours.ts';
import { MAP_FONTS } from './mapStyle.ts';
import type { MapLayerKind } from './types.ts';

export const DATA_SOURCE = 'data';
/** The zoom from which tiles hold one feature per house and the houses' footprints. */
export const FOOTPRINT_ZOOM = 16;

/** Campaign progress and case colours. */
export const STATUS_COLOURS = {
  done: TIER_COLOURS.green,
  pending: '#546e7a',
  overdue: TIER_COLOURS.red,
  serious: TIER_COLOURS.red,
  general: TIER_COLOURS.orange,
  complaint: SERIES_COLOURS.complaints,
  warning: '#8e24aa',
  escalated: TIER_COLOURS.red,
} as const;

/** Lighter tiers for the 3D view, so the hazardous houses (red, orange) stand out among the others. */
const MUTED_TIER_COLOURS = { red: TIER_COLOURS.red, orange: TIER_COLOURS.orange, yellow: '#f3e08a', green: '#b9d3bb' };

const isCluster: ExpressionSpecification = ['>', ['get', 'count'], 1];
const isSingle: ExpressionSpecification = ['<=', ['get', 'count'], 1];

// A `match` over the tiers; TypeScript cannot type a spread into the expression's tuple, hence the cast.
const tierColour = (colours: Record<RiskTier, string>): ExpressionSpecification =>
  ['match', ['get', 'tier'], ...RISK_TIERS.flatMap((tier) => [tier, colours[tier]]), '#999'] as unknown as ExpressionSpecification;

/** The colour of a cluster or a single feature, per layer. */
function colours(kind: MapLayerKind): { cluster: ExpressionSpecification | string; single: ExpressionSpecification | string } {
  switch (kind) {
    case 'houses':
      return { cluster: tierColour(TIER_COLOURS), single: tierColour(TIER_COLOURS) };
    case 'cases':
      return {
        cluster: ['case', ['>', ['get', 'serious'], 0], STATUS_COLOURS.serious, STATUS_COLOURS.general],
        single: ['match', ['get', 'severity'], 'serious', STATUS_COLOURS.serious, STATUS_COLOURS.general],
      };
    case 'complaints':
      return { cluster: STATUS_COLOURS.complaint, single: STATUS_COLOURS.complaint };
    case 'warnings':
      return {
        cluster: ['case', ['>', ['get', 'escalated'], 0], STATUS_COLOURS.escalated, STATUS_COLOURS.warning],
        single: ['match', ['get', 'status'], 'escalated', STATUS_COLOURS.escalated, STATUS_COLOURS.warning],
      };
    case 'campaign':
      return {
        cluster: [
          'case',
          ['>', ['get', 'overdue'], 0],
          STATUS_COLOURS.overdue,
          ['>', ['get', 'pending'], 0],
          STATUS_COLOURS.pending,
          STATUS_COLOURS.done,
        ],
        single: ['match', ['get', 'status'], 'done', STATUS_COLOURS.done, 'overdue', STATUS_COLOURS.overdue, STATUS_COLOURS.pending],
      };
  }
}

/**
 * The class that colours a feature as `colours` paints it, a legend entry's key: a house's tier, a case's
 * severity, a campaign house's progress (a cluster's worst member's), and one class for complaints.
 * The page's list of what is in view names it (`data-kind`).
 */
export function featureClass(kind: MapLayerKind, props: Record<string, unknown>): string {
  const count = (key: string) => Number(props[key] ?? 0);
  const cluster = count('count') > 1;
  switch (kind) {
    case 'houses':
      return String(props.tier ?? '');
    case 'cases':
      return (cluster ? count('serious') > 0 : props.severity === 'serious') ? 'serious' : 'general';
    case 'complaints':
      return 'complaint';
    case 'warnings':
      return (cluster ? count('escalated') > 0 : props.status === 'escalated') ? 'escalated' : 'warning';
    case 'campaign':
      if (!cluster) return props.status === 'done' || props.status === 'overdue' ? props.status : 'pending';
      return count('overdue') > 0 ? 'overdue' : count('pending') > 0 ? 'pending' : 'done';
  }
}

/** A single feature's ring: overdue (cases, houses) in black, due for inspection in blue. */
function ring(kind: MapLayerKind): {
  color: DataDrivenPropertyValueSpecification<string>;
  width: DataDrivenPropertyValueSpecification<number>;
} {
  if (kind === 'houses' || kind === 'cases') {
    const overdue: ExpressionSpecification = ['==', ['coalesce', ['get', 'overdue'], 0], 1];
    const due: ExpressionSpecification = ['==', ['coalesce', ['get', 'inspectionDue'], 0], 1];
    return { color: ['case', overdue, '#212121', due, '#1565c0', '#ffffff'], width: ['case', overdue, 2.5, due, 2.5, 1.5] };
  }
  return { color: '#ffffff', width: 1.5 };
}

/** 12345 → 1.2万: counts stay short inside their circle. */
const countText: ExpressionSpecification = [
  'case',
  ['>=', ['get', 'count'], 10000],
  ['concat', ['to-string', ['/', ['round', ['/', ['get', 'count'], 1000]], 10]], '万'],
  ['to-string', ['get', 'count']],
];

export interface DataLayerOptions {
  /** Houses drawn as blocks extruded by height at zoom 16 and above. */
  threeD: boolean;
  /** The houses due for inspection drawn larger, the others smaller and paler (the inspector's phone). */
  highlightDue?: boolean;
}

const isDue: ExpressionSpecification = ['==', ['coalesce', ['get', 'inspectionDue'], 0], 1];

/** The ids of the layers a click can open or zoom into. */
export const CLUSTER_LAYER = 'data-cluster';
export const SINGLE_LAYER = 'data-single';
export const EXTRUSION_LAYER = 'data-extrusion';

export function dataLayers(kind: MapLayerKind, { threeD, highlightDue = false }: DataLayerOptions): LayerSpecification[] {
  const { cluster, single } = colours(kind);
  const { color: ringColour, width: ringWidth } = ring(kind);
  const layers: LayerSpecification[] = [
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source: DATA_SOURCE,
      'source-layer': kind,
      filter: isCluster,
      paint: {
        'circle-color': cluster,
        'circle-opacity': 0.88,
        'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 2, 11, 20, 15, 200, 20, 2000, 26, 20000, 32],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'data-cluster-count',
      type: 'symbol',
      source: DATA_SOURCE,
      'source-layer': kind,
      filter: isCluster,
      layout: {
        'text-field': countText,
        'text-font': MAP_FONTS,
        'text-size': 13,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      // Yellow clusters take dark text, like the tier chips.
      paint: { 'text-color': ['case', ['==', ['get', 'tier'], 'yellow'], '#212121', '#ffffff'] },
    },
    {
      id: SINGLE_LAYER,
      type: 'circle',
      source: DATA_SOURCE,
      'source-layer': kind,
      filter: isSingle,
      // In 3D the footprints take over from the dots where the tiles have them.
      ...(threeD && kind === 'houses' ? { maxzoom: FOOTPRINT_ZOOM } : {}),
      paint: {
        'circle-color': single,
        ...(highlightDue && kind === 'houses'
          ? {
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, ['case', isDue, 7, 4], 17, ['case', isDue, 14, 7]],
              'circle-opacity': ['case', isDue, 1, 0.55],
              'circle-stroke-color': ['case', isDue, '#1565c0', '#ffffff'],
              'circle-stroke-width': ['case', isDue, 3.5, 1],
            }
          : {
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 4, 14, 6, 17, 9, 19, 12],
              'circle-stroke-color': ringColour,
              'circle-stroke-width': ringWidth,
            }),
      },
    },
  ];
  if (kind === 'houses' && threeD) {
    layers.push({
      id: EXTRUSION_LAYER,
      type: 'fill-extrusion',
      source: DATA_SOURCE,
      'source-layer': 'footprints',
      minzoom: FOOTPRINT_ZOOM,
      paint: {
        'fill-extrusion-color': tierColour(MUTED_TIER_COLOURS),
        'fill-extrusion-height': ['coalesce', ['get', 'height'], 3],
        'fill-extrusion-base': 0,
        'fill-extrusion-opacity': 0.92,
      },
    });
  }
  return layers;
}

/** The tile source of a map layer with its filter (`tiles`, an address template) and the layers drawn from it. */
export function dataSource(
  kind: MapLayerKind,
  tiles: string,
  options: DataLayerOptions,
): { source: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  return {
    source: { [DATA_SOURCE]: { type: 'vector', tiles: [tiles], minzoom: 0, maxzoom: 18 } },
    layers: dataLayers(kind, options),
  };
}
