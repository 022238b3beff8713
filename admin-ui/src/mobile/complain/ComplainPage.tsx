/**
 * The citizen's complaint (投诉举报), without an account: `/m/b/:code/complain` from a scanned
 * house (its summary on top), or `/m/complain` from where the citizen stands when there is no code.
 * Once filed, the page becomes the result, kept in the history entry's state (not the URL), so a
 * reload or coming back from the progress page still shows the number and the secret.
 */
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { normaliseBuildingCode } from '../../../../domain/buildings/code.ts';
import { lookUpBuilding } from '../shared/buildingApi.ts';
import type { Lookup } from '../shared/buildingApi.ts';
import { BuildingSummary } from '../shared/BuildingSummary.tsx';
import { Busy } from '../shared/Busy.tsx';
import type { Filed } from './api.ts';
import { COMPLAIN_CSS } from './styles.ts';
import { COMPLAIN_TEXT } from './text.ts';
import { ComplaintFiled } from './ComplaintFiled.tsx';
import type { FiledSummary } from './ComplaintFiled.tsx';
import { ComplaintForm } from './ComplaintForm.tsx';
import { ComplaintLinks } from './ComplaintLinks.tsx';
import { INSPECT_CSS } from '../inspect/styles.ts';
import { MobileShell } from '../shared/MobileShell.tsx';
import { ProblemCard } from '../shared/ProblemCard.tsx';
import { TEXT } from '../shared/text.ts';
import { rememberTrackingNo } from './trackingMemory.ts';

function filedIn(state: unknown): FiledSummary | null {
  const filed = (state as { filed?: Partial<FiledSummary> } | null)?.filed;
  return typeof filed?.trackingNo === 'string' && typeof filed.secret === 'string'
    ? { trackingNo: filed.trackingNo, secret: filed.secret, notice: filed.notice ?? null }
    : null;
}

function ByPlaceIntro() {
  return (
    <section className="scan-card" aria-labelledby="by-place-title">
      <h1 className="scan-address" id="by-place-title">
        {COMPLAIN_TEXT.byPlaceTitle}
      </h1>
      <p className="scan-place">{COMPLAIN_TEXT.byPlaceText}</p>
    </section>
  );
}

export function ComplainPage() {
  const { code: raw } = useParams<{ code: string }>();
  const code = raw === undefined ? null : normaliseBuildingCode(raw);
  const location = useLocation();
  const navigate = useNavigate();
  const filed = filedIn(location.state);
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (code === null) return;
    const controller = new AbortController();
    setLookup(null);
    lookUpBuilding(code, controller.signal).then(setLookup, () => undefined);
    return () => controller.abort();
  }, [code, attempt]);

  useEffect(() => {
    document.documentElement.lang = 'zh-CN';
    document.title = COMPLAIN_TEXT.documentTitle;
  }, []);

  const onFiled = ({ trackingNo, secret, progress }: Filed) => {
    rememberTrackingNo(trackingNo);
    const summary: FiledSummary = { trackingNo, secret, notice: progress.notifications[0]?.text ?? null };
    navigate(location.pathname, { replace: true, state: { filed: summary } });
  };

  return (
    <MobileShell note={COMPLAIN_TEXT.footer}>
      <style>{INSPECT_CSS}</style>
      <style>{COMPLAIN_CSS}</style>
      <p className="insp-page-title">{COMPLAIN_TEXT.title}</p>
      {filed && <ComplaintFiled filed={filed} buildingCode={code} />}
      {!filed && code === null && (
        <>
          <ByPlaceIntro />
          <ComplaintForm buildingCode={null} onFiled={onFiled} />
        </>
      )}
      {!filed && code !== null && lookup === null && <Busy label={TEXT.loading} />}
      {!filed && code !== null && lookup && lookup.kind !== 'found' && (
        <ProblemCard problem={lookup} code={code} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {!filed && lookup?.kind === 'found' && (
        <>
          <BuildingSummary building={lookup.building} />
          <ComplaintForm buildingCode={lookup.building.code} onFiled={onFiled} />
        </>
      )}
      <ComplaintLinks byPlace={!filed && lookup !== null && lookup.kind !== 'found'} progress={!filed} />
    </MobileShell>
  );
}
