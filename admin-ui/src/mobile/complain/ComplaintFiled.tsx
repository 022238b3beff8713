/**
 * What a citizen sees once a complaint is accepted: the tracking number and the secret in large
 * type (the secret is shown only here: the server keeps just its hash), a plea to keep them, a copy
 * button, and the way to the progress page, which gets both through router state, never the URL.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { COMPLAIN_TEXT } from './text.ts';
import { copyText } from './copyText.ts';
import { useShownOnArrival } from '../shared/useShownOnArrival.ts';

/** The part of a filed complaint the result page needs; kept in the page's history state. */
export interface FiledSummary {
  trackingNo: string;
  secret: string;
  notice: string | null;
}

/** The progress page opens with these without asking for them again. */
export interface ProgressState {
  trackingNo: string;
  secret: string;
}

export function ComplaintFiled({ filed, buildingCode }: { filed: FiledSummary; buildingCode: string | null }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const { trackingNo, secret } = filed;
  const copy = async () => {
    const url = `${window.location.origin}/m/c/${encodeURIComponent(trackingNo)}`;
    setCopied(await copyText(COMPLAIN_TEXT.copyText(trackingNo, secret, url)));
  };
  const state: ProgressState = { trackingNo, secret };
  return (
    <section className="scan-card insp-result cmp-filed" ref={useShownOnArrival()} aria-labelledby="filed-title">
      <h2 className="insp-result-title" id="filed-title">
        {COMPLAIN_TEXT.filedTitle}
      </h2>
      {filed.notice && <p>{filed.notice}</p>}
      <dl className="cmp-keys">
        <dt>{COMPLAIN_TEXT.trackingNo}</dt>
        <dd className="cmp-key" data-tracking-no={trackingNo}>
          {trackingNo}
        </dd>
        <dt>{COMPLAIN_TEXT.secret}</dt>
        <dd className="cmp-key cmp-secret" data-secret={secret}>
          {secret}
        </dd>
      </dl>
      <p className="cmp-keep">{COMPLAIN_TEXT.keep}</p>
      <div className="scan-actions">
        <Link className="scan-button" to={`/m/c/${encodeURIComponent(trackingNo)}`} state={state}>
          {COMPLAIN_TEXT.viewProgress}
        </Link>
        <button type="button" className="scan-button secondary" onClick={() => void copy()}>
          {copied ? COMPLAIN_TEXT.copied : COMPLAIN_TEXT.copy}
        </button>
        <p className="cmp-copy-status" role="status">
          {copied === false && COMPLAIN_TEXT.copyFailed}
        </p>
        {buildingCode && (
          <Link className="scan-button secondary" to={`/m/b/${encodeURIComponent(buildingCode)}`}>
            {COMPLAIN_TEXT.backToHouse}
          </Link>
        )}
        <Link className="scan-link" to={buildingCode ? `/m/b/${encodeURIComponent(buildingCode)}/complain` : '/m/complain'}>
          {COMPLAIN_TEXT.another}
        </Link>
      </div>
    </section>
  );
}
