/**
 * The map's style, built in code: a plain background (or the configured raster basemap), the region
 * outlines, and no `glyphs` URL, so MapLibre draws every label with the browser's own fonts (TinySDF)
 * and never asks a glyph server: the map works with no internet.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapConfig } from './types.ts';

/** Font names as a CSS font-family list: with no `glyphs` in the style MapLibre resolves them locally. */
export const MAP_FONTS = ['Noto Sans CJK SC', 'sans-serif'];

export const BACKGROUND = '#eef1f4';
export const OUTLINE_SOURCE = 'outlines';

/** The style the map starts from: background, basemap when configured, outlines (empty until loaded). */
export function baseStyle(config: MapConfig, words: { approximate: string }): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    [OUTLINE_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
  };
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }];
  if (config.basemap?.type === 'raster') {
    sources.basemap = {
      type: 'raster',
      tiles: config.basemap.tiles,
      tileSize: 256,
      ...(config.basemap.attribution ? { attribution: config.basemap.attribution } : {}),
    };
    layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  layers.push(...outlineLayers(words.approximate));
  return { version: 8, sources, layers };
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
      source: OUTLINE_SOURCE,
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
