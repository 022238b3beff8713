/**
 * Keeps the map's data layers in step with the page: a new layer, filter or 3D setting replaces the
 * tile source and its layers (a new tile address is a new cache entry, so the tiles reload), the
 * outlines are set as they arrive, and the camera tilts for 3D and fits the houses of a new filter.
 */
import type { GeoJSONSource, Map as MapLibre } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { DATA_SOURCE, FOOTPRINT_ZOOM, dataSource } from './dataLayers.ts';
import { dataKey, fitPadding, madeFit, takeMadeData } from './useMapLibre.ts';
import { OUTLINE_LABEL_SOURCE, OUTLINE_SOURCE } from './mapStyle.ts';
import { outlineLabels } from './outlineLabels.ts';
import type { Bounds, MapLayerKind, Outlines } from './types.ts';

export function useDataLayers(map: MapLibre | null, kind: MapLayerKind, tiles: string | null, threeD: boolean, highlightDue = false): void {
  useEffect(() => {
    if (!map || !tiles) return undefined;
    const options = { threeD, highlightDue };
    const { source, layers } = dataSource(kind, tiles, options);
    // A map made with this very layer (useMapLibre) has it already.
    if (takeMadeData(map) !== dataKey(kind, tiles, options)) {
      // Made with another (the page changed while the map was being made): that one goes first.
      if (map.getSource(DATA_SOURCE)) {
        for (const layer of map.getStyle().layers) if ('source' in layer && layer.source === DATA_SOURCE) map.removeLayer(layer.id);
        map.removeSource(DATA_SOURCE);
      }
      map.addSource(DATA_SOURCE, source[DATA_SOURCE]!);
      // On top of everything, the outline names included: the counts and the dots must stay readable.
      for (const layer of layers) map.addLayer(layer);
    }
    return () => {
      // The map may be gone already (unmount removes it first).
      if (!map.style) return;
      for (const layer of layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      if (map.getSource(DATA_SOURCE)) map.removeSource(DATA_SOURCE);
    };
  }, [map, kind, tiles, threeD, highlightDue]);
}

export function useOutlines(map: MapLibre | null, outlines: Outlines | null | undefined): void {
  useEffect(() => {
    if (!map) return;
    const collection = outlines ?? { type: 'FeatureCollection', features: [] };
    map.getSource<GeoJSONSource>(OUTLINE_SOURCE)?.setData(collection);
    map.getSource<GeoJSONSource>(OUTLINE_LABEL_SOURCE)?.setData(outlineLabels(collection));
  }, [map, outlines]);
}

/** Tilts and turns the map for 3D, close enough for the footprints; flat and north-up again without. */
export function useTilt(map: MapLibre | null, threeD: boolean): void {
  useEffect(() => {
    if (!map) return;
    if (threeD) map.easeTo({ pitch: 60, bearing: -20, zoom: Math.max(map.getZoom(), FOOTPRINT_ZOOM + 0.5), duration: 800 });
    else if (map.getPitch() !== 0 || map.getBearing() !== 0) map.easeTo({ pitch: 0, bearing: 0, duration: 500 });
  }, [map, threeD]);
}

/** Fits the map to `bounds` once per `key` (the filter): a refetch of the same filter leaves the user where they are. */
export function useFitBounds(map: MapLibre | null, bounds: Bounds | null | undefined, key: string): void {
  const fitted = useRef<{ map: MapLibre; key: string } | null>(null);
  useEffect(() => {
    if (!map || !bounds) return;
    if (fitted.current?.map === map && fitted.current.key === key) return;
    fitted.current = { map, key };
    // A map made fitted to this key's houses (useMapLibre) is there already.
    if (madeFit(map) === key) return;
    const [west, south, east, north] = bounds;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: fitPadding(map.getContainer()), maxZoom: 17, duration: 0 },
    );
  }, [map, bounds, key]);
}
