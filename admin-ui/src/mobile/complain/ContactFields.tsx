/**
 * The complainant's optional name and phone, with the promise that they stay confidential: only the
 * officers who verify the complaint can see them (the API masks them for everyone else).
 */
import { COMPLAIN_TEXT } from './text.ts';
import { MAX_NAME } from './draft.ts';
import type { FieldErrors } from './draft.ts';
import { FieldError } from '../shared/FieldError.tsx';

function TextField({
  field,
  label,
  value,
  error,
  onChange,
  ...input
}: {
  field: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  type: 'text' | 'tel';
  inputMode: 'text' | 'tel';
  autoComplete: string;
  maxLength: number;
}) {
  return (
    <div className="cmp-field">
      <label className="cmp-label" htmlFor={`field-${field}`}>
        {label}
      </label>
      <input
        id={`field-${field}`}
        className="cmp-input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `error-${field}` : undefined}
        onChange={(e) => onChange(e.target.value)}
        {...input}
      />
      <FieldError id={`error-${field}`} message={error} />
    </div>
  );
}

export function ContactFields({
  name,
  phone,
  errors,
  onChange,
}: {
  name: string;
  phone: string;
  errors: FieldErrors;
  onChange: (patch: { name: string } | { phone: string }) => void;
}) {
  return (
    <section className="scan-card" aria-labelledby="contact-title">
      <h2 className="insp-legend" id="contact-title">
        {COMPLAIN_TEXT.contact}
      </h2>
      <p className="cmp-confidential">{COMPLAIN_TEXT.confidential}</p>
      <p className="insp-hint">{COMPLAIN_TEXT.contactHint}</p>
      <TextField
        field="name"
        label={COMPLAIN_TEXT.name}
        value={name}
        error={errors.name}
        onChange={(v) => onChange({ name: v })}
        type="text"
        inputMode="text"
        autoComplete="name"
        maxLength={MAX_NAME}
      />
      <TextField
        field="phone"
        label={COMPLAIN_TEXT.phone}
        value={phone}
        error={errors.phone}
        onChange={(v) => onChange({ phone: v })}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
      />
    </section>
  );
}
