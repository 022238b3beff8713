/**
 * `/m/map`, the inspector's phone map of their own area (the API scopes it): how many houses, their own
 * 定期巡查 coverage, the map, and the houses due for inspection. Signed out, it offers the sign-in and comes back here.
 */
import { useEffect, useState } from 'react';
import { isAbort } from '../../httpCore.ts';
import { signInReturningTo } from '../../login/returnPath.ts';
import type { MapConfig, MapSummary } from '../../map/types.ts';
import { whoIsSignedIn } from '../shared/buildingApi.ts';
import type { Viewer } from '../shared/buildingApi.ts';
import { MobileShell } from '../shared/MobileShell.tsx';
import { loadConfig, loadSummary } from './mapApi.ts';
import { OwnCoverage } from './OwnCoverage.tsx';
import { PhoneMap } from './PhoneMap.tsx';
import { PHONE_MAP_CSS } from './styles.ts';
import { MAP_TEXT } from './text.ts';

type State = { kind: 'loading' } | { kind: 'ready'; summary: MapSummary; config: MapConfig } | { kind: 'signedOut' } | { kind: 'failed' };

export const PHONE_MAP_PATH = '/m/map';

export function PhoneMapPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    Promise.all([loadSummary(abort.signal), loadConfig(abort.signal)])
      .then(([summary, config]) => {
        if (summary.kind === 'ok' && config.kind === 'ok') setState({ kind: 'ready', summary: summary.value, config: config.value });
        else setState({ kind: summary.kind === 'signedOut' || config.kind === 'signedOut' ? 'signedOut' : 'failed' });
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ kind: 'failed' });
      });
    return () => abort.abort();
  }, []);
  // Who reads: an inspector sees their own 定期巡查 coverage above the map.
  const [viewer, setViewer] = useState<Viewer | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    void whoIsSignedIn(abort.signal).then(setViewer);
    return () => abort.abort();
  }, []);
  return (
    <MobileShell note={MAP_TEXT.note}>
      <style>{PHONE_MAP_CSS}</style>
      <section className="scan-card">
        <h1 className="phone-map-title">{MAP_TEXT.title}</h1>
        {state.kind === 'ready' && <p data-map-count={state.summary.count}>{MAP_TEXT.count(state.summary.count)}</p>}
        <p className="phone-map-hint">{MAP_TEXT.hint}</p>
      </section>
      {state.kind === 'signedOut' && (
        <section className="scan-card">
          <p>{MAP_TEXT.signIn}</p>
          <a className="scan-button" href={signInReturningTo(PHONE_MAP_PATH)}>
            {MAP_TEXT.signInButton}
          </a>
        </section>
      )}
      {state.kind === 'failed' && (
        <section className="scan-card" role="alert">
          {MAP_TEXT.failed}
        </section>
      )}
      {state.kind === 'ready' && viewer?.role === 'inspector' && <OwnCoverage userId={viewer.id} />}
      {state.kind === 'ready' && <PhoneMap config={state.config} summary={state.summary} />}
      <a className="scan-link" href="/">
        {MAP_TEXT.back}
      </a>
    </MobileShell>
  );
}
