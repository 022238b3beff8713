/**
 * The phone's position while the form is open, as proof of presence. Watching (rather than asking
 * once) lets a coarse first fix from Wi-Fi be replaced by the GPS fix that follows.
 */
import { useEffect, useState } from 'react';
import type { GeoPosition } from '../inspect/api.ts';

export type PositionState = { status: 'locating' } | { status: 'located'; position: GeoPosition } | { status: 'failed' };

export function usePosition(): { state: PositionState; retry: () => void } {
  const [state, setState] = useState<PositionState>({ status: 'locating' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setState({ status: 'failed' });
      return;
    }
    setState({ status: 'locating' });
    const watch = navigator.geolocation.watchPosition(
      ({ coords }) =>
        setState({
          status: 'located',
          position: { latitude: coords.latitude, longitude: coords.longitude, accuracy: Math.max(1, Math.round(coords.accuracy)) },
        }),
      // A later error (signal lost indoors) keeps the last fix.
      () => setState((s) => (s.status === 'located' ? s : { status: 'failed' })),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [attempt]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}
