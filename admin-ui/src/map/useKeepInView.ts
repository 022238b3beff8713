/**
 * Keeps a clicked house in sight beside what opened over the map for it (the house card: over the
 * map's lower part on a phone, its right side on a wide screen). Each time the card takes its size
 * (its placeholder, then its content) and covers the house, the map eases so that the house sits in
 * the middle of the free part: above the card, or left of it, whichever is larger. The map is left
 * alone while the house is clear, so a user who pans it afterwards is not pulled back.
 */
import type { Map as MapLibre } from 'maplibre-gl';
import { useEffect } from 'react';
import type { RefObject } from 'react';

/** Pixels the house keeps clear of the card's edge (a dot and its ring are about 20 px across). */
const CLEARANCE = 24;

/**
 * Where, in the map's pixels, the house should go to be clear of `cover`; null when it is clear already.
 * `shownTop`: the first row of the map the window shows (the page may be scrolled past the map's top).
 */
export function clearSpot(
  house: { x: number; y: number },
  cover: { left: number; top: number; right: number; bottom: number },
  shownTop = 0,
): { x: number; y: number } | null {
  const covered =
    house.x > cover.left - CLEARANCE &&
    house.x < cover.right + CLEARANCE &&
    house.y > cover.top - CLEARANCE &&
    house.y < cover.bottom + CLEARANCE;
  if (!covered) return null;
  const above = cover.top - shownTop;
  return above >= cover.left ? { x: house.x, y: shownTop + above / 2 } : { x: cover.left / 2, y: house.y };
}

export function useKeepInView(map: MapLibre | null, at: [number, number] | null | undefined, clearOf: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const cover = clearOf.current;
    if (!map || !at || !cover) return undefined;
    const keep = () => {
      const box = map.getContainer().getBoundingClientRect();
      const card = cover.getBoundingClientRect();
      const spot = clearSpot(
        map.project(at),
        { left: card.left - box.left, top: card.top - box.top, right: card.right - box.left, bottom: card.bottom - box.top },
        Math.max(0, -box.top),
      );
      if (!spot) return;
      // `offset` is from the map's middle: the house ends at `spot`.
      map.easeTo({ center: at, offset: [spot.x - box.width / 2, spot.y - box.height / 2], duration: 300 });
    };
    const watch = new ResizeObserver(keep);
    watch.observe(cover);
    return () => watch.disconnect();
  }, [map, at, clearOf]);
}
