/**
 * `/m/b/:code/inspect`, the daily inspection (日常排查) of one house on the phone. It needs a
 * signed-in inspector or officer of the house's area: anyone else is sent to the sign-in page, which
 * brings them back here. The house is shown on top, the form below, and the forms waiting on this
 * phone above it all. A house waiting in a special inspection for this user is inspected for it: the
 * page is titled with the campaign's name and the inspection is recorded against it (`?campaign=`
 * picks the campaign when the inbox opened the form for one).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { normaliseBuildingCode } from '../../../../domain/buildings/code.ts';
import { lookUpBuilding } from '../shared/buildingApi.ts';
import type { Lookup } from '../shared/buildingApi.ts';
import { BuildingSummary } from '../shared/BuildingSummary.tsx';
import { Busy } from '../shared/Busy.tsx';
import { campaignOf } from './campaignApi.ts';
import type { OpenCampaign } from './campaignApi.ts';
import { canInspect } from './canInspect.ts';
import { checkSession } from './api.ts';
import type { InspectionResult, Session } from './api.ts';
import { InspectionForm } from './InspectionForm.tsx';
import { INSPECT_CSS } from './styles.ts';
import { INSPECT_TEXT } from './text.ts';
import { MobileShell } from '../shared/MobileShell.tsx';
import { OutboxNotice } from './OutboxNotice.tsx';
import { ProblemCard } from '../shared/ProblemCard.tsx';
import { QueuedPanel } from './QueuedPanel.tsx';
import { onDelivered } from './sender.ts';
import { SubmittedPanel } from './SubmittedPanel.tsx';
import { TEXT } from '../shared/text.ts';
import { useOutbox } from './useOutbox.ts';

type View =
  | { kind: 'form'; round: number }
  | { kind: 'sent'; result: InspectionResult }
  /** Kept on the phone: for want of a network, or of a session (`signedOut`). */
  | { kind: 'queued'; id: string; signedOut: boolean };

function NotAllowed({ code }: { code: string }) {
  return (
    <section className="scan-card scan-problem" role="alert">
      <h1>{INSPECT_TEXT.notAllowedTitle}</h1>
      <p>{INSPECT_TEXT.notAllowedText}</p>
      <Link className="scan-button" to={`/m/b/${encodeURIComponent(code)}`}>
        {INSPECT_TEXT.backToHouse}
      </Link>
    </section>
  );
}

export function InspectPage() {
  const { code: raw = '' } = useParams<{ code: string }>();
  const code = normaliseBuildingCode(raw);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const preferredCampaign = params.get('campaign');
  const [session, setSession] = useState<Session | null>(null);
  const [campaign, setCampaign] = useState<OpenCampaign | null>(null);
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [view, setView] = useState<View>({ kind: 'form', round: 0 });
  const outbox = useOutbox(session !== null && session.kind !== 'signedOut');

  // The sign-in page returns to `nextPathname` (react-admin's useLogin reads it from the history state).
  const signIn = useCallback(
    () =>
      navigate('/login', {
        replace: true,
        state: {
          nextPathname: `/m/b/${code}/inspect`,
          nextSearch: preferredCampaign ? `?campaign=${encodeURIComponent(preferredCampaign)}` : '',
        },
      }),
    [navigate, code, preferredCampaign],
  );

  useEffect(() => {
    const controller = new AbortController();
    checkSession(controller.signal).then(setSession, () => undefined);
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (session?.kind === 'signedOut') signIn();
  }, [session, signIn]);

  const signedIn = session?.kind === 'signedIn';
  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    campaignOf(code, preferredCampaign, controller.signal).then(setCampaign, () => undefined);
    return () => controller.abort();
  }, [signedIn, code, preferredCampaign]);

  useEffect(() => {
    const controller = new AbortController();
    setLookup(null);
    lookUpBuilding(code, controller.signal).then(setLookup, () => undefined);
    return () => controller.abort();
  }, [code, attempt]);

  /** Shows the house's new judgement once an inspection is recorded, without blanking the page. */
  const showSent = useCallback(
    (result: InspectionResult) => {
      setView({ kind: 'sent', result });
      lookUpBuilding(code, new AbortController().signal).then(
        (fresh) => fresh.kind === 'found' && setLookup(fresh),
        () => undefined,
      );
    },
    [code],
  );

  // A form kept on the phone and sent later by the outbox turns this page into its result.
  const queuedId = view.kind === 'queued' ? view.id : null;
  useEffect(() => {
    if (!queuedId) return;
    return onDelivered((result) => {
      if (result.id === queuedId) showSent(result);
    });
  }, [queuedId, showSent]);

  useEffect(() => {
    document.documentElement.lang = 'zh-CN';
    document.title = INSPECT_TEXT.documentTitle(code);
  }, [code]);

  const allowed = session?.kind === 'unknown' || (session?.kind === 'signedIn' && canInspect(session.user, code));
  return (
    <MobileShell note={INSPECT_TEXT.footer}>
      <style>{INSPECT_CSS}</style>
      <p className="insp-page-title">
        {campaign ? INSPECT_TEXT.campaignTitle(campaign.name) : INSPECT_TEXT.title}
        {session?.kind === 'signedIn' && <span>{INSPECT_TEXT.inspector(session.user.name)}</span>}
      </p>
      <OutboxNotice outbox={outbox} />
      {(session === null || session.kind === 'signedOut') && <Busy label={INSPECT_TEXT.checkingSession} />}
      {session && session.kind !== 'signedOut' && !allowed && <NotAllowed code={code} />}
      {allowed && lookup === null && <Busy label={TEXT.loading} />}
      {allowed && lookup && lookup.kind !== 'found' && (
        <ProblemCard problem={lookup} code={code} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {allowed && lookup?.kind === 'found' && (
        <>
          <BuildingSummary building={lookup.building} />
          {view.kind === 'form' && (
            <InspectionForm
              key={view.round}
              building={lookup.building}
              campaignId={campaign?.id}
              onSent={showSent}
              onQueued={(id) => setView({ kind: 'queued', id, signedOut: false })}
              onSignedOut={(id) => setView({ kind: 'queued', id, signedOut: true })}
            />
          )}
          {view.kind === 'sent' && <SubmittedPanel result={view.result} onAgain={() => setView({ kind: 'form', round: Date.now() })} />}
          {view.kind === 'queued' && <QueuedPanel code={code} onSignIn={view.signedOut ? signIn : undefined} />}
        </>
      )}
    </MobileShell>
  );
}
