/**
 * The map's style, built in code: a plain background (or the configured raster basemap), the region
 * outlines, and no `glyphs` URL, so MapLibre draws every label with the browser's own fonts (TinySDF)
 * and never asks a glyph server: the map works with no internet.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

/** Font names as a CSS font-family list: with no `glyphs` in the style MapLibre resolves them locally. */
export const MAP_FONTS = ['Noto Sans CJK SC', 'sans-serif'];

export const BACKGROUND = '#eef1f4';
export const OUTLINE_SOURCE = 'outlines';
/** One point per outline for its name: a polygon's own label would be repeated on every tile it spans. */
export const OUTLINE_LABEL_SOURCE = 'outline-labels';

/** A basemap as style sources and layers, drawn under everything else. */
export interface BasemapParts {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

export const NO_BASEMAP: BasemapParts = { sources: {}, layers: [] };

/** Raster tiles (a URL template, or a PMTiles archive of images) as the basemap. */
export function rasterBasemap(source: { tiles: string[] } | { url: string }, attribution?: string): BasemapParts {
  return {
    sources: { basemap: { type: 'raster', ...source, tileSize: 256, ...(attribution ? { attribution } : {}) } },
    layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
  };
}

/**
 * Vector tiles of unknown make (a PMTiles archive) as a quiet basemap: every layer's areas in light
 * grey (water in pale blue), its lines thin, no labels; enough to see streets and rivers under the houses.
 */
export function vectorBasemap(url: string, layerIds: string[], attribution?: string): BasemapParts {
  const layers = layerIds.flatMap((id): LayerSpecification[] => {
    const water = /water|ocean|river|lake/i.test(id);
    const road = /road|transport|highway|street/i.test(id);
    return [
      {
        id: `basemap-${id}-fill`,
        type: 'fill',
        source: 'basemap',
        'source-layer': id,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': water ? '#cfe3f0' : '#e2e6e9', 'fill-opacity': 0.8 },
      },
      {
        id: `basemap-${id}-line`,
        type: 'line',
        source: 'basemap',
        'source-layer': id,
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': water ? '#a9c9df' : road ? '#ffffff' : '#cfd6db', 'line-width': road ? 1.5 : 0.8 },
      },
    ];
  });
  return { sources: { basemap: { type: 'vector', url, ...(attribution ? { attribution } : {}) } }, layers };
}

/** The style the map starts from: background, basemap when configured, outlines (empty until loaded). */
export function baseStyle(basemap: BasemapParts, words: { approximate: string }): StyleSpecification {
  return {
    version: 8,
    sources: {
      ...basemap.sources,
      [OUTLINE_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      [OUTLINE_LABEL_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } },
      ...basemap.layers,
      ...outlineLayers(words.approximate),
    ],
  };
}

/** Villages as thin lines inside their town's thicker ones; names at their centre, marked 近似边界 when drawn from the houses. */
function outlineLayers(approximate: string): LayerSpecification[] {
  const isTown: ExpressionSpecification = ['==', ['get', 'level'], 'town'];
  return [
    {
      id: 'outline-fill',
      type: 'fill',
      source: OUTLINE_SOURCE,
      paint: { 'fill-color': '#90a4ae', 'fill-opacity': ['case', isTown, 0.04, 0.08] },
    },
    // Approximate outlines dashed, imported boundaries solid.
    ...([true, false] as const).map((approx): LayerSpecification => ({
      id: approx ? 'outline-line-approximate' : 'outline-line',
      type: 'line',
      source: OUTLINE_SOURCE,
      filter: ['==', ['get', 'approximate'], approx],
      paint: {
        'line-color': ['case', isTown, '#455a64', '#78909c'],
        'line-width': ['case', isTown, 2, 1],
        ...(approx ? { 'line-dasharray': [3, 2] } : {}),
      },
    })),
    {
      id: 'outline-label',
      type: 'symbol',
      source: OUTLINE_LABEL_SOURCE,
      // Towns at district zoom, villages closer.
      filter: ['any', ['all', isTown, ['<', ['zoom'], 13]], ['all', ['!', isTown], ['>=', ['zoom'], 13]]],
      layout: {
        'text-field': ['case', ['get', 'approximate'], ['concat', ['get', 'name'], '\n', approximate], ['get', 'name']],
        'text-font': MAP_FONTS,
        'text-size': ['case', isTown, 14, 12],
        'text-max-width': 12,
      },
      paint: { 'text-color': '#37474f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}
