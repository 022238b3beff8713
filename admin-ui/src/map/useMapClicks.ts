/**
 * What a click on the map does: a cluster zooms in around itself, a house (a dot, or its block in 3D)
 * opens its card, and so does a group at one house (close up, a house's open cases are one feature that
 * names it), a complaint its page. The pointer turns into a hand over anything clickable.
 */
import type { Map as MapLibre, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { CLUSTER_LAYER, EXTRUSION_LAYER, SINGLE_LAYER } from './dataLayers.ts';

export interface MapClickHandlers {
  /** `at`: where the house is drawn (`[lng, lat]`), for the page to keep it in sight. */
  onHouse(code: string, at?: [number, number]): void;
  onComplaint(id: string): void;
}

const CLICKABLE = [CLUSTER_LAYER, SINGLE_LAYER, EXTRUSION_LAYER];

/** Zooms in on a cluster: two levels closer, centred on it. */
export function zoomInto(map: MapLibre, center: [number, number]): void {
  map.easeTo({ center, zoom: Math.min(map.getZoom() + 2, 18), duration: 400 });
}

export function useMapClicks(map: MapLibre | null, handlers: MapClickHandlers): void {
  // The latest handlers, without re-binding the map's listeners on every render.
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!map) return undefined;
    const onClick = (event: MapLayerMouseEvent) => {
      const layers = CLICKABLE.filter((id) => map.getLayer(id));
      const [feature] = map.queryRenderedFeatures(event.point, { layers });
      if (!feature) return;
      const props = feature.properties as Record<string, unknown>;
      if (feature.layer.id === CLUSTER_LAYER && feature.geometry.type === 'Point' && typeof props.code !== 'string') {
        zoomInto(map, feature.geometry.coordinates as [number, number]);
      } else if (typeof props.code === 'string') {
        // A house, or close up what stands at one house (two open cases of it): its card.
        // A dot is where the house is; a block (3D) is hit anywhere on it.
        const at = feature.geometry.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : event.lngLat.toArray();
        latest.current.onHouse(props.code, at);
      } else if (typeof props.complaintId === 'string') {
        latest.current.onComplaint(props.complaintId);
      }
    };
    const onMove = (event: MapLayerMouseEvent) => {
      const layers = CLICKABLE.filter((id) => map.getLayer(id));
      const hit = layers.length > 0 && map.queryRenderedFeatures(event.point, { layers }).length > 0;
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
    };
  }, [map]);
}
