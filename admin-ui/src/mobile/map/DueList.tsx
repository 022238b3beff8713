/**
 * The inspector's houses due for inspection under the phone map, with their addresses: nearest first
 * once the phone knows where it stands (with the distance to each), by code until then or without a
 * position; a page at a time.
 */
import { usePosition } from '../shared/usePosition.ts';
import { DueHouseItem } from './DueHouseItem.tsx';
import { useDueHouses } from './useDueHouses.ts';
import { MAP_TEXT } from './text.ts';

export function DueList() {
  const { state: located, retry } = usePosition();
  const { state, more } = useDueHouses(located.status === 'located' ? located.position : null);
  const order = state.kind === 'ready' && state.byDistance ? 'distance' : 'code';
  return (
    <section className="scan-card" aria-labelledby="due-title" data-due-list={state.kind} data-order={order}>
      <h2 className="phone-map-due" id="due-title">
        {state.kind === 'ready' ? MAP_TEXT.due(state.total) : MAP_TEXT.dueTitle}
      </h2>
      <p className="phone-map-order" role="status" data-position={located.status}>
        {order === 'distance'
          ? MAP_TEXT.byDistance
          : located.status === 'locating'
            ? MAP_TEXT.locating
            : located.status === 'failed'
              ? MAP_TEXT.notLocated
              : MAP_TEXT.sorting}
      </p>
      {located.status === 'failed' && (
        <button type="button" className="scan-button secondary phone-map-locate" onClick={retry}>
          {MAP_TEXT.locateAgain}
        </button>
      )}
      {state.kind === 'loading' && <p className="phone-map-hint">{MAP_TEXT.dueLoading}</p>}
      {state.kind === 'failed' && (
        <p className="phone-map-hint" role="alert">
          {MAP_TEXT.dueFailed}
        </p>
      )}
      {state.kind === 'ready' && (
        <>
          {state.total === 0 && <p className="phone-map-hint">{MAP_TEXT.noneDue}</p>}
          <ul className="phone-map-list" aria-label={MAP_TEXT.dueList}>
            {state.houses.map((h) => (
              <DueHouseItem key={h.code} house={h} />
            ))}
          </ul>
          {state.houses.length < state.total && (
            <button type="button" className="scan-button secondary phone-map-more" onClick={more} disabled={state.more === 'loading'}>
              {state.more === 'failed' ? MAP_TEXT.moreFailed : MAP_TEXT.more(state.total - state.houses.length)}
            </button>
          )}
        </>
      )}
    </section>
  );
}
