/**
 * One MapLibre map in a container, alive as long as the component: made when the configuration (and
 * its basemap) is known, handed out once its style has loaded, removed on unmount. A basemap that
 * cannot be read leaves the plain background. The worker script is the one the bundler emitted beside
 * the app (never a blob or a CDN), so the map needs nothing but this server.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibre, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { basemapParts } from './basemap.ts';
import { NO_BASEMAP, baseStyle } from './mapStyle.ts';
import type { MapConfig } from './types.ts';

setWorkerUrl(workerUrl);

export function useMapLibre(
  container: RefObject<HTMLDivElement | null>,
  config: MapConfig | undefined,
  words: { approximate: string },
): MapLibre | null {
  const [map, setMap] = useState<MapLibre | null>(null);
  const { approximate } = words;
  useEffect(() => {
    const element = container.current;
    if (!element || !config) return undefined;
    let instance: MapLibre | null = null;
    let gone = false;
    // A PMTiles basemap's kind (raster or vector) is in its header: read before the map is made.
    basemapParts(config.basemap, window.location.origin)
      .catch(() => NO_BASEMAP)
      .then((basemap) => {
        if (gone) return;
        const made = new MapLibre({
          container: element,
          style: baseStyle(basemap, { approximate }),
          center: config.center,
          zoom: config.zoom,
          maxPitch: 70,
          attributionControl: { compact: true },
        });
        made.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
        made.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
        made.once('load', () => setMap(made));
        instance = made;
      });
    return () => {
      gone = true;
      setMap(null);
      instance?.remove();
    };
  }, [container, config, approximate]);
  return map;
}
