/**
 * Where the problem is, for a complaint without a house code: the phone's position on request (one
 * fix, asked for only when the citizen taps the button) or latitude and longitude typed by hand.
 * Once a position is known, the map of the registered houses around it (drawn from the platform's
 * own data, as there are no map tiles) to pick the house or move the complaint's position.
 */
import { useState } from 'react';
import { COMPLAIN_TEXT } from './text.ts';
import { positionOf } from './draft.ts';
import type { PlaceDraft } from './draft.ts';
import { ComplaintMap } from './ComplaintMap.tsx';
import { ComplaintMapList } from './ComplaintMapList.tsx';
import { FieldError } from '../shared/FieldError.tsx';
import type { NearHouse, Nearby, Point } from './nearbyApi.ts';

type Locating = { status: 'idle' } | { status: 'locating' } | { status: 'failed'; message: string };

function locate(onFix: (place: PlaceDraft) => void, onFail: (message: string) => void): void {
  if (!('geolocation' in navigator)) return onFail(COMPLAIN_TEXT.locateUnsupported);
  navigator.geolocation.getCurrentPosition(
    ({ coords }) =>
      onFix({
        latitude: coords.latitude.toFixed(6),
        longitude: coords.longitude.toFixed(6),
        accuracy: Math.max(1, Math.round(coords.accuracy)),
      }),
    // A page opened over plain HTTP is refused the position as if the citizen had said no.
    (error) => onFail(error.code === error.PERMISSION_DENIED ? COMPLAIN_TEXT.locateDenied : COMPLAIN_TEXT.locateFailed),
    // A fresh fix: the citizen taps where they stand now, maybe after walking to the house.
    { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
  );
}

function Coordinate({ field, label, value, onChange }: { field: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="cmp-field">
      <label className="cmp-label" htmlFor={`field-${field}`}>
        {label}
      </label>
      <input
        id={`field-${field}`}
        className="cmp-input"
        inputMode="decimal"
        autoComplete="off"
        maxLength={16}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** The houses around the complaint's position, or why there are none to show. */
function Houses({ nearby, pinned, onHouse }: { nearby: Nearby; pinned: boolean; onHouse: (house: NearHouse) => void }) {
  if (nearby.status === 'idle') return null;
  if (nearby.houses.length > 0) return <ComplaintMapList houses={nearby.houses} pinned={pinned} onHouse={onHouse} />;
  if (nearby.status === 'loading') return <p className="cmp-near-status">{COMPLAIN_TEXT.nearbyLoading}</p>;
  if (nearby.status === 'failed') return <p className="cmp-near-status">{COMPLAIN_TEXT.nearbyFailed}</p>;
  return (
    <div className="cmp-none" role="status">
      <p className="cmp-none-title">{COMPLAIN_TEXT.noneNearby}</p>
      <p>{COMPLAIN_TEXT.noneNearbyHint}</p>
    </div>
  );
}

export function PlaceCard({
  place,
  pin,
  nearby,
  error,
  onChange,
  onPin,
  onHouse,
}: {
  place: PlaceDraft;
  /** The complaint's position when the citizen moved it on the map; null for their own. */
  pin: Point | null;
  nearby: Nearby;
  error: string | undefined;
  onChange: (place: PlaceDraft) => void;
  onPin: (pin: Point | null) => void;
  onHouse: (house: NearHouse) => void;
}) {
  const [locating, setLocating] = useState<Locating>({ status: 'idle' });
  // Opened for the citizen when the phone cannot say where it is.
  const [manual, setManual] = useState(false);
  const position = positionOf(place);
  const own = 'latitude' in position ? position : null;
  const spot = pin ?? own;
  const use = () => {
    setLocating({ status: 'locating' });
    locate(
      (fix) => {
        setLocating({ status: 'idle' });
        onChange(fix);
      },
      (message) => {
        setLocating({ status: 'failed', message });
        setManual(true);
      },
    );
  };
  const typed = (patch: Partial<PlaceDraft>) => onChange({ ...place, ...patch, accuracy: null });
  return (
    <section className="scan-card" id="field-position" aria-labelledby="position-title">
      <h2 className="insp-legend" id="position-title">
        {COMPLAIN_TEXT.position}
      </h2>
      {!own && <p className="insp-hint">{COMPLAIN_TEXT.positionHint}</p>}
      <div role="status">
        {locating.status === 'locating' ? (
          <p className="insp-position insp-position-locating">{COMPLAIN_TEXT.locating}</p>
        ) : pin !== null ? (
          <p className="insp-position insp-position-located" data-status="pinned">
            {COMPLAIN_TEXT.pinned}
          </p>
        ) : place.accuracy !== null ? (
          <p className="insp-position insp-position-located" data-status="located">
            {COMPLAIN_TEXT.located(place.accuracy)}
          </p>
        ) : 'latitude' in position ? (
          <p className="insp-position insp-position-located">{COMPLAIN_TEXT.typedPosition}</p>
        ) : (
          locating.status === 'failed' && <p className="insp-position insp-position-failed">{locating.message}</p>
        )}
        {spot && <p className="cmp-coordinates">{COMPLAIN_TEXT.coordinates(spot.latitude, spot.longitude)}</p>}
      </div>
      {own && (
        <div className="cmp-map-panel">
          {nearby.status !== 'idle' && nearby.houses.length > 0 && <p className="insp-hint">{COMPLAIN_TEXT.mapHint}</p>}
          <ComplaintMap
            own={own}
            accuracy={place.accuracy}
            pin={pin}
            houses={nearby.status === 'idle' ? [] : nearby.houses}
            onPin={onPin}
            onHouse={onHouse}
          />
          {pin && (
            <button type="button" className="cmp-link" onClick={() => onPin(null)}>
              {COMPLAIN_TEXT.backToMine}
            </button>
          )}
          <Houses nearby={nearby} pinned={pin !== null || place.accuracy === null} onHouse={onHouse} />
        </div>
      )}
      <button type="button" className="scan-button secondary" onClick={use} disabled={locating.status === 'locating'}>
        {place.accuracy === null ? COMPLAIN_TEXT.useCurrent : COMPLAIN_TEXT.locateAgain}
      </button>
      <details className="cmp-manual" open={manual} onToggle={(e) => setManual(e.currentTarget.open)}>
        <summary>{COMPLAIN_TEXT.manual}</summary>
        <div className="cmp-pair">
          <Coordinate field="latitude" label={COMPLAIN_TEXT.latitude} value={place.latitude} onChange={(latitude) => typed({ latitude })} />
          <Coordinate
            field="longitude"
            label={COMPLAIN_TEXT.longitude}
            value={place.longitude}
            onChange={(longitude) => typed({ longitude })}
          />
        </div>
      </details>
      <FieldError id="error-position" message={error} />
    </section>
  );
}
