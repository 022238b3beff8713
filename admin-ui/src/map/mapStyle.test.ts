import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { CircleLayerSpecification, StyleSpecification } from 'maplibre-gl';
import { TIER_COLOURS } from '../stats/colours.ts';
import { CLUSTER_LAYER, DATA_SOURCE, SINGLE_LAYER, STATUS_COLOURS, dataLayers, featureClass } from './dataLayers.ts';
import { DEFAULT_LAYER, layerQuery } from './layerQuery.ts';
import { NO_BASEMAP, baseStyle, rasterBasemap, vectorBasemap } from './mapStyle.ts';
import { outlineLabels } from './outlineLabels.ts';
import { tileUrl } from './tiles.ts';
import { MAP_LAYERS } from './types.ts';

const ORIGIN = 'http://127.0.0.1:3000';

/** The whole style as the map holds it with `kind` shown: base, tile source and data layers. */
function fullStyle(kind: (typeof MAP_LAYERS)[number], threeD: boolean): StyleSpecification {
  const style = baseStyle(NO_BASEMAP, { approximate: '（近似边界）' });
  style.sources[DATA_SOURCE] = { type: 'vector', tiles: [tileUrl(ORIGIN, kind, { regionCode: '441802006' })], maxzoom: 18 };
  style.layers.push(...dataLayers(kind, { threeD }));
  return style;
}

/** Every string in the style that looks like an address. */
const addresses = (style: unknown): string[] => JSON.stringify(style).match(/[a-z]+:\/\/[^"]+/g) ?? [];

describe('the map style', () => {
  for (const kind of MAP_LAYERS) {
    for (const threeD of [false, true]) {
      test(`with the ${kind} layer${threeD ? ' in 3D' : ''} is valid MapLibre style and reaches nothing but this server`, () => {
        const style = fullStyle(kind, threeD);
        assert.deepEqual(
          validateStyleMin(style).map((e) => e.message),
          [],
        );
        assert.equal(style.glyphs, undefined, 'labels are drawn from local fonts');
        assert.equal(style.sprite, undefined);
        assert.deepEqual(
          addresses(style).filter((a) => !a.startsWith(`${ORIGIN}/api/map/tiles/${kind}/`)),
          [],
        );
      });
    }
  }

  test('the phone’s houses with those due for inspection highlighted are valid style too', () => {
    const style = baseStyle(NO_BASEMAP, { approximate: '' });
    style.sources[DATA_SOURCE] = { type: 'vector', tiles: [tileUrl(ORIGIN, 'houses', {})] };
    style.layers.push(...dataLayers('houses', { threeD: false, highlightDue: true }));
    assert.deepEqual(validateStyleMin(style), []);
  });

  test('extrudes the houses’ footprints only in 3D, and only the houses', () => {
    const extruded = (kind: (typeof MAP_LAYERS)[number], threeD: boolean) =>
      dataLayers(kind, { threeD }).filter((l) => l.type === 'fill-extrusion' && l['source-layer'] === 'footprints').length;
    assert.equal(extruded('houses', true), 1);
    assert.equal(extruded('houses', false), 0);
    assert.equal(extruded('cases', true), 0);
  });

  test('draws a configured raster basemap, or a PMTiles archive’s vector layers, under the outlines', () => {
    for (const basemap of [
      rasterBasemap({ tiles: ['https://tiles.example/{z}/{x}/{y}.png'] }, '天地图'),
      rasterBasemap({ url: `pmtiles://${ORIGIN}/api/map/basemap.pmtiles` }),
      vectorBasemap(`pmtiles://${ORIGIN}/api/map/basemap.pmtiles`, ['water', 'roads', 'buildings']),
    ]) {
      const style = baseStyle(basemap, { approximate: '' });
      assert.deepEqual(validateStyleMin(style), []);
      const ids = style.layers.map((l) => l.id);
      assert.ok(ids.findIndex((id) => id.startsWith('basemap')) < ids.indexOf('outline-fill'));
    }
  });
});

describe('a feature’s class', () => {
  const CIRCLE_COLOUR = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>).paint_circle!['circle-color']!;
  const CLASS_COLOURS: Record<string, string> = { ...TIER_COLOURS, ...STATUS_COLOURS };
  /** The colour a circle layer's paint gives a feature, as `#rrggbb`. */
  function painted(layer: CircleLayerSpecification, properties: Record<string, string | number>): string {
    const parsed = expression.createPropertyExpression(layer.paint?.['circle-color'], `${layer.id}.paint.circle-color`, CIRCLE_COLOUR);
    assert.equal(parsed.result, 'success');
    const colour = (parsed.value as { evaluate(g: { zoom: number }, f: object): { r: number; g: number; b: number } }).evaluate(
      { zoom: 14 },
      { type: 'Point', properties },
    );
    return `#${[colour.r, colour.g, colour.b]
      .map((v) =>
        Math.round(v * 255)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  }
  const SAMPLES: Record<(typeof MAP_LAYERS)[number], Record<string, string | number>[]> = {
    houses: [
      { count: 1, tier: 'red' },
      { count: 1, tier: 'green' },
      { count: 7, tier: 'yellow', yellow: 5, green: 2 },
    ],
    cases: [
      { count: 1, severity: 'serious' },
      { count: 1, severity: 'general' },
      { count: 3, serious: 1, overdue: 0 },
      { count: 3, serious: 0, overdue: 2 },
    ],
    complaints: [
      { count: 1, status: 'verifying' },
      { count: 4, verifying: 2, confirmed: 1 },
    ],
    campaign: [
      { count: 1, status: 'done' },
      { count: 1, status: 'pending' },
      { count: 1, status: 'overdue' },
      { count: 3, done: 3, pending: 0, overdue: 0 },
      { count: 3, done: 1, pending: 2, overdue: 0 },
      { count: 3, done: 1, pending: 1, overdue: 1 },
    ],
    warnings: [
      { count: 1, status: 'open' },
      { count: 1, status: 'escalated' },
      { count: 3, escalated: 0 },
      { count: 3, escalated: 1 },
    ],
  };

  for (const kind of MAP_LAYERS)
    test(`on the ${kind} layer is the legend entry of the colour it is painted in`, () => {
      const layers = dataLayers(kind, { threeD: false }) as CircleLayerSpecification[];
      for (const properties of SAMPLES[kind]) {
        const layer = layers.find((l) => l.id === (Number(properties.count) > 1 ? CLUSTER_LAYER : SINGLE_LAYER))!;
        const name = featureClass(kind, properties);
        assert.equal(painted(layer, properties), CLASS_COLOURS[name], `${JSON.stringify(properties)} is ${name}`);
      }
    });

  test('of a campaign cluster is its worst member’s progress', () => {
    assert.equal(featureClass('campaign', { count: 4, done: 3, pending: 1, overdue: 0 }), 'pending');
    assert.equal(featureClass('campaign', { count: 4, done: 3, pending: 0, overdue: 1 }), 'overdue');
    assert.equal(featureClass('cases', { count: 2, serious: 1 }), 'serious');
  });
});

describe('the tile address', () => {
  test('keeps {z}/{x}/{y} for MapLibre and sorts the filter, so one filter is one address', () => {
    assert.equal(
      tileUrl(ORIGIN, 'houses', { riskTier: 'red', minFloors: '3', openCase: 'true' }),
      `${ORIGIN}/api/map/tiles/houses/{z}/{x}/{y}.mvt?minFloors=3&openCase=true&riskTier=red`,
    );
    assert.equal(tileUrl(ORIGIN, 'complaints', {}), `${ORIGIN}/api/map/tiles/complaints/{z}/{x}/{y}.mvt`);
  });
});

describe('each layer’s query', () => {
  const filter = { regionCode: '441802006', riskTier: 'red', minFloors: 3, openCase: true, q: '' };

  test('houses take the registry filter as the list sends it', () => {
    assert.deepEqual(layerQuery(DEFAULT_LAYER, filter), { regionCode: '441802006', riskTier: 'red', minFloors: '3', openCase: 'true' });
  });

  test('cases, complaints and a campaign take the filter’s region and their own choices', () => {
    assert.deepEqual(layerQuery({ ...DEFAULT_LAYER, kind: 'cases', severity: 'serious', overdueOnly: true }, filter), {
      regionCode: '441802006',
      severity: 'serious',
      overdue: 'true',
    });
    assert.deepEqual(layerQuery({ ...DEFAULT_LAYER, kind: 'cases' }, {}), {});
    assert.deepEqual(layerQuery({ ...DEFAULT_LAYER, kind: 'complaints' }, filter), { regionCode: '441802006', days: '30' });
    assert.equal(layerQuery({ ...DEFAULT_LAYER, kind: 'campaign' }, filter), null, 'nothing to draw before a campaign is picked');
    assert.deepEqual(layerQuery({ ...DEFAULT_LAYER, kind: 'campaign', campaignId: 'c-1' }, filter), {
      regionCode: '441802006',
      campaignId: 'c-1',
    });
  });
});

describe('the outlines’ names', () => {
  test('are one point per outline, at the middle of its largest part', () => {
    const square = (x: number, y: number, size: number) => [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ];
    const props = { code: '441802006001', name: '高基里', level: 'village' as const, approximate: true, houses: 3 };
    const labels = outlineLabels({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(113, 23, 0.02) }, properties: props },
        {
          type: 'Feature',
          geometry: { type: 'MultiPolygon', coordinates: [square(113.1, 23, 0.001), square(113.2, 23, 0.04)] },
          properties: { ...props, code: '441802006', level: 'town' },
        },
      ],
    });
    assert.deepEqual(
      labels.features.map((f) => [f.properties.code, f.geometry.coordinates.map((c) => Number(c.toFixed(3)))]),
      [
        ['441802006001', [113.01, 23.01]],
        ['441802006', [113.22, 23.02]],
      ],
    );
  });
});
