/**
 * The progress lookup: the tracking number (filled in from the link or from the last one this phone
 * used) and the secret. The number and secret are checked for shape here; whether they match is the
 * server's answer, the same for a wrong number and a wrong secret.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { TRACKING_NO } from '../../../../domain/complaints/tracking.ts';
import { PROGRESS_TEXT } from '../complain/text.ts';
import { FieldError } from '../shared/FieldError.tsx';

type Errors = Partial<Record<'trackingNo' | 'secret' | 'form', string>>;

/** Upper case, without the spaces people type when copying a number off a screenshot. */
export const tidyKey = (text: string) => text.replace(/\s+/g, '').toUpperCase();

function check(trackingNo: string, secret: string): Errors {
  const errors: Errors = {};
  if (!trackingNo) errors.trackingNo = PROGRESS_TEXT.trackingNoRequired;
  else if (!TRACKING_NO.test(trackingNo)) errors.trackingNo = PROGRESS_TEXT.trackingNoInvalid;
  if (!secret) errors.secret = PROGRESS_TEXT.secretRequired;
  else if (!/^[A-Z0-9]{8}$/.test(secret)) errors.secret = PROGRESS_TEXT.secretInvalid;
  return errors;
}

function KeyField({
  field,
  label,
  placeholder,
  value,
  error,
  onChange,
}: {
  field: 'trackingNo' | 'secret';
  label: string;
  placeholder: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className="cmp-field">
      <label className="cmp-label" htmlFor={`field-${field}`}>
        {label}
      </label>
      <input
        id={`field-${field}`}
        className="cmp-input prg-key-input"
        placeholder={placeholder}
        value={value}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        maxLength={30}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `error-${field}` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError id={`error-${field}`} message={error} />
    </div>
  );
}

export function ProgressLookup({
  initialTrackingNo,
  refused,
  busy,
  onLookUp,
}: {
  initialTrackingNo: string;
  /** The server's answer to the last try, shown above the button. */
  refused: string | null;
  busy: boolean;
  onLookUp: (trackingNo: string, secret: string) => void;
}) {
  const [trackingNo, setTrackingNo] = useState(initialTrackingNo);
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check(tidyKey(trackingNo), tidyKey(secret));
    setErrors(found);
    if (Object.keys(found).length === 0) onLookUp(tidyKey(trackingNo), tidyKey(secret));
  };
  const message = errors.trackingNo || errors.secret ? null : refused;
  return (
    <form className="scan-card" onSubmit={submit} noValidate aria-labelledby="prg-lookup-title">
      <h1 className="scan-address" id="prg-lookup-title">
        {PROGRESS_TEXT.title}
      </h1>
      <p className="scan-place">{PROGRESS_TEXT.lookupHint}</p>
      <KeyField
        field="trackingNo"
        label={PROGRESS_TEXT.trackingNo}
        placeholder={PROGRESS_TEXT.trackingNoPlaceholder}
        value={trackingNo}
        error={errors.trackingNo}
        onChange={(v) => {
          setTrackingNo(v);
          setErrors(({ trackingNo: _, ...rest }) => rest);
        }}
      />
      <KeyField
        field="secret"
        label={PROGRESS_TEXT.secret}
        placeholder={PROGRESS_TEXT.secretPlaceholder}
        value={secret}
        error={errors.secret}
        onChange={(v) => {
          setSecret(v);
          setErrors(({ secret: _, ...rest }) => rest);
        }}
      />
      {message && (
        <p className="insp-error insp-form-error prg-refused" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="scan-button prg-submit" disabled={busy} aria-busy={busy}>
        {busy ? PROGRESS_TEXT.lookingUp : PROGRESS_TEXT.lookup}
      </button>
      <section className="prg-lost" aria-labelledby="prg-lost-title">
        <h2 className="prg-lost-title" id="prg-lost-title">
          {PROGRESS_TEXT.lostTitle}
        </h2>
        <p className="scan-place">{PROGRESS_TEXT.lostSms}</p>
        <p className="scan-place">{PROGRESS_TEXT.lostContact}</p>
      </section>
    </form>
  );
}
