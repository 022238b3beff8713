/**
 * `/m/c` and `/m/c/:trackingNo`: a citizen follows a complaint with its tracking number and secret,
 * without an account. The secret is never in the URL: it is typed, or handed over in router state by
 * the page that filed the complaint, and it lives only in this page's memory after that.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { Busy } from '../shared/Busy.tsx';
import { lookUpProgress } from '../complain/api.ts';
import type { Progress } from '../complain/api.ts';
import { COMPLAIN_CSS } from '../complain/styles.ts';
import { COMPLAIN_TEXT, PROGRESS_TEXT } from '../complain/text.ts';
import type { ProgressState } from '../complain/ComplaintFiled.tsx';
import { ComplaintLinks } from '../complain/ComplaintLinks.tsx';
import { INSPECT_CSS } from '../inspect/styles.ts';
import { MobileShell } from '../shared/MobileShell.tsx';
import { ProgressLookup, tidyKey } from './ProgressLookup.tsx';
import { ProgressView } from './ProgressView.tsx';
import { lastTrackingNo, rememberTrackingNo } from '../complain/trackingMemory.ts';

type View =
  | { kind: 'form'; refused: string | null; busy: boolean }
  | { kind: 'opening' }
  | { kind: 'shown'; progress: Progress; secret: string; busy: boolean };

function handedOver(state: unknown): ProgressState | null {
  const s = state as Partial<ProgressState> | null;
  return typeof s?.trackingNo === 'string' && typeof s.secret === 'string' ? { trackingNo: s.trackingNo, secret: s.secret } : null;
}

export function ProgressPage() {
  const { trackingNo: param } = useParams<{ trackingNo: string }>();
  const location = useLocation();
  const [handed] = useState(() => handedOver(location.state));
  const [view, setView] = useState<View>(handed ? { kind: 'opening' } : { kind: 'form', refused: null, busy: false });
  const [initialTrackingNo, setInitialTrackingNo] = useState(() => tidyKey(handed?.trackingNo ?? param ?? lastTrackingNo()));
  const latest = useRef<AbortController | null>(null);

  const lookUp = useCallback(async (trackingNo: string, secret: string) => {
    latest.current?.abort();
    const controller = new AbortController();
    latest.current = controller;
    setView((v) => (v.kind === 'form' || v.kind === 'shown' ? { ...v, busy: true } : v));
    const answer = await lookUpProgress(trackingNo, secret, controller.signal).catch(() => null);
    if (controller.signal.aborted) return;
    setInitialTrackingNo(trackingNo);
    if (answer?.ok) {
      rememberTrackingNo(trackingNo);
      setView({ kind: 'shown', progress: answer.value, secret, busy: false });
      return;
    }
    const refused =
      answer === null
        ? PROGRESS_TEXT.unknownError
        : answer.status === 0
          ? PROGRESS_TEXT.offline
          : answer.message || PROGRESS_TEXT.unknownError;
    setView({ kind: 'form', refused, busy: false });
  }, []);

  useEffect(() => {
    if (handed) void lookUp(tidyKey(handed.trackingNo), tidyKey(handed.secret));
    return () => latest.current?.abort();
  }, [handed, lookUp]);

  useEffect(() => {
    document.documentElement.lang = 'zh-CN';
    document.title = PROGRESS_TEXT.documentTitle;
  }, []);

  return (
    <MobileShell note={PROGRESS_TEXT.footer}>
      <style>{INSPECT_CSS}</style>
      <style>{COMPLAIN_CSS}</style>
      <p className="insp-page-title">{COMPLAIN_TEXT.title}</p>
      {view.kind === 'opening' && <Busy label={PROGRESS_TEXT.lookingUp} />}
      {view.kind === 'form' && (
        <ProgressLookup
          initialTrackingNo={initialTrackingNo}
          refused={view.refused}
          busy={view.busy}
          onLookUp={(n, s) => void lookUp(n, s)}
        />
      )}
      {view.kind === 'shown' && (
        <>
          <ProgressView progress={view.progress} />
          <div className="scan-actions prg-actions">
            <button
              type="button"
              className="scan-button"
              disabled={view.busy}
              aria-busy={view.busy}
              onClick={() => void lookUp(view.progress.trackingNo, view.secret)}
            >
              {view.busy ? PROGRESS_TEXT.lookingUp : PROGRESS_TEXT.refresh}
            </button>
            <button type="button" className="scan-button secondary" onClick={() => setView({ kind: 'form', refused: null, busy: false })}>
              {PROGRESS_TEXT.another}
            </button>
          </div>
        </>
      )}
      <ComplaintLinks byPlace={view.kind === 'form'} progress={false} />
    </MobileShell>
  );
}
