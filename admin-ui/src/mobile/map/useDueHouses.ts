/**
 * The houses due for inspection, a page at a time, from the API (the tiles carry no addresses): by
 * code until the phone knows where it is, then nearest first. A new fix reorders the list only once
 * the phone has moved a little, so GPS jitter does not shuffle it under the inspector's finger.
 */
import { useEffect, useRef, useState } from 'react';
import { isAbort } from '../../httpCore.ts';
import { loadDue } from './mapApi.ts';
import type { DueHouse, Position } from './mapApi.ts';

/** How far the phone moves before the list is sorted again. */
const REORDER_M = 25;

export type DueState =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready'; total: number; houses: DueHouse[]; byDistance: boolean; more: 'idle' | 'loading' | 'failed' };

/** Metres between two nearby positions (flat Earth, as the API measures). */
export function metresBetween(a: Position, b: Position): number {
  const cos = Math.cos((a.latitude * Math.PI) / 180);
  return Math.hypot(a.latitude - b.latitude, (a.longitude - b.longitude) * cos) * 111_195;
}

/** `position` held still until it moves REORDER_M away from the one last used. */
function useSteadyPosition(position: Position | null): Position | null {
  const [steady, setSteady] = useState<Position | null>(position);
  useEffect(() => {
    if (!position) return;
    setSteady((last) => (last && metresBetween(last, position) < REORDER_M ? last : position));
  }, [position]);
  return steady;
}

export function useDueHouses(position: Position | null): { state: DueState; more: () => void } {
  const near = useSteadyPosition(position);
  const [state, setState] = useState<DueState>({ kind: 'loading' });
  const paging = useRef<{ page: number; abort: AbortController | null }>({ page: 1, abort: null });

  useEffect(() => {
    const abort = new AbortController();
    paging.current = { page: 1, abort };
    loadDue(abort.signal, near, 1)
      .then((answer) =>
        setState(
          answer.kind === 'ok'
            ? { kind: 'ready', total: answer.value.total, houses: answer.value.data, byDistance: near !== null, more: 'idle' }
            : { kind: 'failed' },
        ),
      )
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ kind: 'failed' });
      });
    return () => abort.abort();
  }, [near]);

  const more = () => {
    const { abort } = paging.current;
    if (state.kind !== 'ready' || state.more === 'loading' || !abort) return;
    const page = paging.current.page + 1;
    setState({ ...state, more: 'loading' });
    loadDue(abort.signal, near, page)
      .then((answer) => {
        if (answer.kind !== 'ok') return setState((s) => (s.kind === 'ready' ? { ...s, more: 'failed' } : s));
        paging.current.page = page;
        // A house inspected between two pages shifts the next one: none is listed twice.
        setState((s) => {
          if (s.kind !== 'ready') return s;
          const listed = new Set(s.houses.map((h) => h.code));
          const houses = [...s.houses, ...answer.value.data.filter((h) => !listed.has(h.code))];
          return { ...s, total: answer.value.total, houses, more: 'idle' };
        });
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setState((s) => (s.kind === 'ready' ? { ...s, more: 'failed' } : s));
      });
  };
  return { state, more };
}
