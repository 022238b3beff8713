/**
 * One MapLibre map in a container, alive as long as the component: made when the configuration (and
 * its basemap) and where it opens are known, handed out once its style has loaded, removed on unmount. A
 * basemap that cannot be read leaves the plain background. The worker script is the one the bundler
 * emitted beside the app (never a blob or a CDN), so the map needs nothing but this server.
 *
 * The map is made already fitted to the houses and with its data layer in its first style, so the tiles
 * of the view it opens on load while the map itself is still being set up (shaders, worker), instead of
 * after it: the first full render of the district map is that much sooner (bench:map). `useDataLayers`
 * and `useFitBounds` (useMapData.ts) find what the map was made with and do not do it again.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibre, NavigationControl, ScaleControl, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { basemapParts } from './basemap.ts';
import { dataSource } from './dataLayers.ts';
import type { DataLayerOptions } from './dataLayers.ts';
import { NO_BASEMAP, baseStyle } from './mapStyle.ts';
import type { Bounds, MapConfig, MapLayerKind } from './types.ts';

setWorkerUrl(workerUrl);
// The worker starts loading with this module, while the page still waits for its configuration and
// summary, instead of when the first map is made; it is kept for the next map (the cockpit's, the page's).
prewarm();

/** Where a map opens and what it draws from its first frame. */
export interface MapStart {
  /** The houses' bounds it opens fitted to (null: none, the configuration's centre); undefined: not known yet, so the map waits. */
  bounds: Bounds | null | undefined;
  /** The fit's key (`useFitBounds`): the same key later does not fit again. */
  fitKey: string;
  /** The data layer; its tile address null or absent: none yet. */
  data?: ({ kind: MapLayerKind; tiles: string | null } & DataLayerOptions) | undefined;
}

/** What each map was made with, for the hooks that would otherwise add or fit it again. */
const madeWith = new WeakMap<MapLibre, { dataKey: string | null; fitKey: string | null }>();

/** The key of a data layer: the same key, the same source and layers. */
export function dataKey(kind: MapLayerKind, tiles: string, { threeD, highlightDue = false }: DataLayerOptions): string {
  return JSON.stringify([kind, tiles, threeD, highlightDue]);
}

/** The data layer `map` was made with (its key), if any, once: a second ask is for a layer added again. */
export function takeMadeData(map: MapLibre): string | null {
  const made = madeWith.get(map);
  if (!made) return null;
  const { dataKey: key } = made;
  made.dataKey = null;
  return key;
}

/** The fit `map` was made with (its key), if any. */
export function madeFit(map: MapLibre): string | null {
  return madeWith.get(map)?.fitKey ?? null;
}

/** Room around fitted houses: clear of the legend (bottom left), the zoom buttons (top right) and the scale with a basemap's attribution (bottom right) where the map is wide enough. */
export function fitPadding(container: HTMLElement): number | { top: number; bottom: number; left: number; right: number } {
  return container.clientWidth > 700 ? { top: 40, bottom: 64, left: 230, right: 100 } : 32;
}

export function useMapLibre(
  container: RefObject<HTMLDivElement | null>,
  config: MapConfig | undefined,
  words: { approximate: string },
  start?: MapStart,
): MapLibre | null {
  const [map, setMap] = useState<MapLibre | null>(null);
  const { approximate } = words;
  // Read when the map is made, not a reason to make it again.
  const latest = useRef(start);
  latest.current = start;
  // Once where to open is known, it stays known: a new filter refits the map, it does not make another.
  const [placed, setPlaced] = useState(start === undefined || start.bounds !== undefined);
  if (!placed && start?.bounds !== undefined) setPlaced(true);
  useEffect(() => {
    const element = container.current;
    if (!element || !config || !placed) return undefined;
    let instance: MapLibre | null = null;
    let gone = false;
    // A PMTiles basemap's kind (raster or vector) is in its header: read before the map is made.
    basemapParts(config.basemap, window.location.origin)
      .catch(() => NO_BASEMAP)
      .then((basemap) => {
        if (gone) return;
        const opening = latest.current;
        const bounds = opening?.bounds ?? null;
        const data = opening?.data?.tiles ? { ...opening.data, tiles: opening.data.tiles } : null;
        const style = baseStyle(basemap, { approximate });
        if (data) {
          const { source, layers } = dataSource(data.kind, data.tiles, data);
          style.sources = { ...style.sources, ...source };
          style.layers = [...style.layers, ...layers];
        }
        const made = new MapLibre({
          container: element,
          style,
          ...(bounds
            ? { bounds: [bounds[0], bounds[1], bounds[2], bounds[3]], fitBoundsOptions: { padding: fitPadding(element), maxZoom: 17 } }
            : { center: config.center, zoom: config.zoom }),
          maxPitch: 70,
          attributionControl: { compact: true },
        });
        madeWith.set(made, {
          dataKey: data ? dataKey(data.kind, data.tiles, data) : null,
          fitKey: bounds && opening ? opening.fitKey : null,
        });
        made.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
        made.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
        // Handed out as soon as its style is there (not after the first tiles): the outlines and the
        // clicks are set while the tiles still load.
        made.once('style.load', () => setMap(made));
        instance = made;
      });
    return () => {
      gone = true;
      setMap(null);
      instance?.remove();
    };
  }, [container, config, approximate, placed]);
  return map;
}
