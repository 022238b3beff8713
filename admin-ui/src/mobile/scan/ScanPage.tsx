/**
 * `/m/b/:code`, the page a phone opens when it scans a house's label: the public summary of the
 * house, with the actions that start from it; or a clear page when the code is mistyped or unknown.
 * No sign-in, no react-admin, no MUI: it must open fast on any phone. Anyone can file a complaint
 * from it; with a label nobody registered, by position instead. On a phone an inspector signed
 * in on, the inspections still waiting to be sent are listed (and sent) here too.
 */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { normaliseBuildingCode } from '../../../../domain/buildings/code.ts';
import { lookUpBuilding, whoIsSignedIn } from '../shared/buildingApi.ts';
import type { Lookup, Viewer } from '../shared/buildingApi.ts';
import { BuildingSummary } from '../shared/BuildingSummary.tsx';
import { ComplaintLinks } from '../complain/ComplaintLinks.tsx';
import { signedInHere } from '../shared/api.ts';
import { MobileShell } from '../shared/MobileShell.tsx';
import { OutboxNotice } from '../inspect/OutboxNotice.tsx';
import { ProblemCard } from '../shared/ProblemCard.tsx';
import { ScanActions } from './ScanActions.tsx';
import { ScanEntry } from './ScanEntry.tsx';
import { QR_TEXT } from './qrText.ts';
import { TEXT } from '../shared/text.ts';
import { useOutbox } from '../inspect/useOutbox.ts';

function Loading() {
  return (
    <section className="scan-card" aria-busy="true" aria-label={TEXT.loading}>
      <div className="scan-skeleton" style={{ width: '40%' }} />
      <div className="scan-skeleton" style={{ width: '80%', height: 24 }} />
      <div className="scan-skeleton" style={{ width: '60%' }} />
    </section>
  );
}

export function ScanPage() {
  const { code: raw = '' } = useParams<{ code: string }>();
  const code = normaliseBuildingCode(raw);
  const [lookup, setLookup] = useState<Lookup | null>(null);
  // Undefined until the phone has been asked who is signed in.
  const [viewer, setViewer] = useState<Viewer | null | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  // Forms an inspector could not send are shown (and sent) from whichever house page they open next.
  const [official] = useState(signedInHere);
  const outbox = useOutbox(official);

  useEffect(() => {
    const controller = new AbortController();
    setLookup(null);
    lookUpBuilding(code, controller.signal).then(setLookup, () => undefined);
    return () => controller.abort();
  }, [code, attempt]);

  useEffect(() => {
    const controller = new AbortController();
    whoIsSignedIn(controller.signal).then(setViewer, () => setViewer(null));
    return () => controller.abort();
  }, []);

  useEffect(() => {
    document.documentElement.lang = 'zh-CN';
    document.title = TEXT.documentTitle(code);
  }, [code]);

  return (
    <MobileShell>
      <OutboxNotice outbox={outbox} />
      {lookup === null && <Loading />}
      {lookup?.kind === 'found' && (
        <>
          <BuildingSummary building={lookup.building} />
          <ScanActions code={lookup.building.code} viewer={viewer} />
          <ScanEntry />
        </>
      )}
      {lookup && lookup.kind !== 'found' && <ProblemCard problem={lookup} code={code} onRetry={() => setAttempt((n) => n + 1)} />}
      {(lookup?.kind === 'notFound' || lookup?.kind === 'invalid') && <ScanEntry label={QR_TEXT.entryAgain} />}
      {/* A passer-by with a damaged or unknown label can still report the house where it stands. */}
      {(lookup?.kind === 'notFound' || lookup?.kind === 'invalid') && <ComplaintLinks byPlace progress={false} />}
    </MobileShell>
  );
}
