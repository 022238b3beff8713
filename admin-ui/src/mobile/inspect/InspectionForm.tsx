/**
 * The daily inspection form: judgement, hazards found, notes, photos and the phone's position. Its
 * id is made once when the form opens, so however often it is sent (a double tap, a retry, the
 * outbox later) the server records one inspection.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { CASE_CATEGORY } from '../../../../domain/cases/enums.ts';
import type { PublicBuilding } from '../shared/buildingApi.ts';
import { FieldError } from '../shared/FieldError.tsx';
import { HazardChecklist } from './HazardChecklist.tsx';
import { newIdempotencyKey as newId } from '../../httpCore.ts';
import type { InspectionResult } from './api.ts';
import { MAX_NOTES, emptyDraft, hazardKey, hazardsOf, refusalErrors, validateDraft } from './draft.ts';
import type { FieldErrors, InspectionDraft } from './draft.ts';
import { INSPECT_TEXT } from './text.ts';
import { JudgementChoice } from './JudgementChoice.tsx';
import { PhotoPicker } from '../shared/PhotoPicker.tsx';
import { PositionStatus } from './PositionStatus.tsx';
import { submitInspection } from './sender.ts';
import { usePosition } from '../shared/usePosition.ts';

const FIELD_ORDER = ['judgement', 'hazards', ...CASE_CATEGORY.values.map(hazardKey), 'notes', 'photos', 'position'];

/** Brings the first field with a problem into view, and puts the cursor in it when it is a text box. */
function showFirst(errors: FieldErrors): void {
  const key = FIELD_ORDER.find((k) => errors[k]);
  const element = key ? document.getElementById(`field-${key}`) : null;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (element instanceof HTMLTextAreaElement) element.focus({ preventScroll: true });
}

export interface FormHandlers {
  onSent: (result: InspectionResult) => void;
  onQueued: (id: string) => void;
  onSignedOut: (id: string) => void;
}

export function InspectionForm({
  building,
  campaignId,
  onSent,
  onQueued,
  onSignedOut,
}: { building: PublicBuilding; campaignId?: string | undefined } & FormHandlers) {
  const [id] = useState(newId);
  const [draft, setDraft] = useState<InspectionDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const position = usePosition();
  /** Applies an edit and drops the errors of the fields it touched (and the form's, once none is left). */
  const edit = (patch: (d: InspectionDraft) => Partial<InspectionDraft>, fields: string[]) => {
    setDraft((d) => ({ ...d, ...patch(d) }));
    setErrors((current) => {
      if (!fields.some((f) => current[f])) return current;
      const next = { ...current };
      for (const f of fields) delete next[f];
      if (Object.keys(next).every((k) => k === 'form')) delete next.form;
      return next;
    });
  };
  const changedHazards = (checked: InspectionDraft['checked']) => [
    'hazards',
    ...CASE_CATEGORY.values.filter((c) => checked[c] !== draft.checked[c]).map(hazardKey),
  ];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = validateDraft(draft);
    if (Object.keys(found).length > 0 || !draft.judgement) {
      setErrors({ ...found, form: INSPECT_TEXT.fixErrors });
      showFirst(found);
      return;
    }
    setErrors({});
    setBusy(true);
    const hazards = hazardsOf(draft);
    const delivery = await submitInspection({
      id,
      buildingCode: building.code,
      address: building.address,
      judgement: draft.judgement,
      hazards,
      notes: draft.notes.trim(),
      position: position.state.status === 'located' ? position.state.position : null,
      inspectedAt: new Date().toISOString(),
      photos: draft.photos,
      ...(campaignId ? { campaignId } : {}),
    }).catch(() => ({ kind: 'refused' as const, message: INSPECT_TEXT.unknownError, problems: [] }));
    // A second tap while the first is still sending: the first one will answer.
    if (delivery.kind === 'busy') return;
    setBusy(false);
    if (delivery.kind === 'sent') onSent(delivery.result);
    else if (delivery.kind === 'queued') {
      if (delivery.kept) onQueued(id);
      else setErrors({ form: INSPECT_TEXT.offlineNotKept });
    } else if (delivery.kind === 'signedOut') {
      if (delivery.kept) onSignedOut(id);
      else setErrors({ form: INSPECT_TEXT.signInAgain });
    } else if (delivery.kind === 'refused') {
      const refused = refusalErrors(delivery.message, delivery.problems, hazards);
      setErrors(refused);
      showFirst(refused);
    }
  };

  return (
    <form className="insp-form" onSubmit={(e) => void submit(e)} noValidate aria-label={INSPECT_TEXT.title}>
      <JudgementChoice
        value={draft.judgement}
        error={errors.judgement}
        onChange={(judgement) => edit(() => ({ judgement }), ['judgement', 'hazards'])}
      />
      {draft.judgement === 'none' ? (
        <p className="scan-card insp-hint">{INSPECT_TEXT.hazardsNotNeeded}</p>
      ) : (
        <HazardChecklist
          checked={draft.checked}
          errors={errors}
          onChange={(checked) => edit(() => ({ checked }), changedHazards(checked))}
        />
      )}
      <section className="scan-card">
        <label className="insp-legend" htmlFor="field-notes">
          {INSPECT_TEXT.notes}
        </label>
        <textarea
          id="field-notes"
          className="insp-text"
          placeholder={INSPECT_TEXT.notesPlaceholder}
          value={draft.notes}
          maxLength={MAX_NOTES}
          rows={3}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? 'error-notes' : undefined}
          onChange={(e) => {
            const notes = e.target.value;
            edit(() => ({ notes }), ['notes']);
          }}
        />
        <FieldError id="error-notes" message={errors.notes} />
      </section>
      <PhotoPicker
        photos={draft.photos}
        error={errors.photos}
        onChange={(change) => edit((d) => ({ photos: change(d.photos) }), ['photos'])}
      />
      <PositionStatus state={position.state} error={errors.position} onRetry={position.retry} />
      <div className="insp-submit">
        {errors.form && (
          <p className="insp-error insp-form-error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="scan-button" disabled={busy} aria-busy={busy}>
          {busy ? INSPECT_TEXT.submitting : INSPECT_TEXT.submit}
        </button>
      </div>
    </form>
  );
}
