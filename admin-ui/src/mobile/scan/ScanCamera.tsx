/**
 * `/m/scan`, the scanner inside the app: the inspector points the phone at a house label and the
 * house page opens (with 开始排查 for them), without leaving the browser for the phone's own scanner.
 * The QR is decoded on the phone. When the camera cannot be used (refused, absent, plain HTTP), the
 * page says why and the code can be typed instead; the box to type it is always there for a label
 * too worn to scan.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { CodeLookup } from '../shared/CodeLookup.tsx';
import { MobileShell } from '../shared/MobileShell.tsx';
import { QR_CSS } from './qrStyles.ts';
import { houseCodeOf } from './qrScan.ts';
import { QR_TEXT } from './qrText.ts';
import { useQrCamera } from './useQrCamera.ts';

/** How long 这不是房屋二维码 stays once that QR is out of view. */
const NOTICE_MS = 4000;
/** Enough of a foreign QR's text to recognise it (a long URL would push the page down). */
const SHOWN_CHARS = 80;

type Notice = { kind: 'notLabel'; text: string } | { kind: 'found' } | null;

export function ScanCamera() {
  const navigate = useNavigate();
  const video = useRef<HTMLVideoElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);

  const onText = useCallback(
    (text: string, stop: () => void) => {
      const code = houseCodeOf(text);
      if (code === null) {
        setNotice({ kind: 'notLabel', text });
        return;
      }
      stop();
      setNotice({ kind: 'found' });
      navigate(`/m/b/${encodeURIComponent(code)}`);
    },
    [navigate],
  );
  const state = useQrCamera(video, onText, attempt);

  useEffect(() => {
    if (notice?.kind !== 'notLabel') return;
    const timer = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  useEffect(() => {
    document.documentElement.lang = 'zh-CN';
    document.title = QR_TEXT.documentTitle;
  }, []);

  const problem = state.kind === 'unavailable' ? state.problem : null;
  return (
    <MobileShell>
      <style>{QR_CSS}</style>
      <h1 className="qr-title">{QR_TEXT.title}</h1>
      {/* The video stays mounted through a retry, so the camera always has somewhere to play. */}
      <section className="scan-card qr-card" hidden={problem !== null} data-camera={state.kind}>
        <div className="qr-view">
          <video ref={video} className="qr-video" playsInline muted autoPlay aria-label={QR_TEXT.video} />
          <div className="qr-guide" aria-hidden="true" />
          {state.kind === 'starting' && <p className="qr-overlay">{QR_TEXT.starting}</p>}
        </div>
        <div className="qr-status" role="status" aria-live="polite">
          {notice === null && <p>{QR_TEXT.hint}</p>}
          {notice?.kind === 'found' && <p className="qr-found">{QR_TEXT.found}</p>}
          {notice?.kind === 'notLabel' && (
            <>
              <p className="qr-not-label">{QR_TEXT.notLabel}</p>
              <p className="qr-foreign">{notice.text.length > SHOWN_CHARS ? `${notice.text.slice(0, SHOWN_CHARS)}…` : notice.text}</p>
              <p>{QR_TEXT.notLabelHint}</p>
            </>
          )}
        </div>
      </section>
      {problem !== null && (
        <section className="scan-card scan-problem qr-problem" role="alert" data-problem={problem}>
          <h2>{QR_TEXT.unavailableTitle}</h2>
          <p>{QR_TEXT.problems[problem]}</p>
          {QR_TEXT.retryable.includes(problem) && (
            <button type="button" className="scan-button secondary" onClick={() => setAttempt((n) => n + 1)}>
              {QR_TEXT.retry}
            </button>
          )}
        </section>
      )}
      <section className="scan-card qr-manual" aria-labelledby="qr-manual-title">
        <h2 id="qr-manual-title">{QR_TEXT.manualTitle}</h2>
        <p className="scan-label">{QR_TEXT.manualHint}</p>
        <CodeLookup />
      </section>
    </MobileShell>
  );
}
