import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { DATA_SOURCE, dataLayers } from './dataLayers.ts';
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
