/**
 * One MapLibre map in a container, alive as long as the component: made when the configuration is
 * known, handed out once its style has loaded, removed on unmount. The worker script is the one the
 * bundler emitted beside the app (never a blob or a CDN), so the map needs nothing but this server.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibre, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { baseStyle } from './mapStyle.ts';
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
    const instance = new MapLibre({
      container: element,
      style: baseStyle(config, { approximate }),
      center: config.center,
      zoom: config.zoom,
      maxPitch: 70,
      attributionControl: { compact: true },
    });
    instance.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
    instance.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    instance.once('load', () => setMap(instance));
    return () => {
      setMap(null);
      instance.remove();
    };
  }, [container, config, approximate]);
  return map;
}
