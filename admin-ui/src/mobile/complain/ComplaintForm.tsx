/**
 * The complaint form: the problem type, a description, photos, where it is (when no house was
 * scanned: a position, or a house picked on the map) and an optional name and phone. It checks what
 * the API checks before sending, shows the server's refusals next to their fields, and keeps
 * uploaded photos' ids so a second try does not upload them again.
 */
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { CategoryChoice } from './CategoryChoice.tsx';
import { fileComplaint } from './api.ts';
import type { ComplaintPlace, Filed, Refused } from './api.ts';
import { COMPLAIN_TEXT } from './text.ts';
import { FIELD_ORDER, MAX_DESCRIPTION, MAX_PHOTOS, emptyDraft, positionOf, refusalErrors, validateDraft } from './draft.ts';
import type { ComplaintDraft, FieldErrors } from './draft.ts';
import { ComplaintMapChosen } from './ComplaintMapChosen.tsx';
import { ContactFields } from './ContactFields.tsx';
import { FieldError } from '../shared/FieldError.tsx';
import { newIdempotencyKey as newId } from '../../httpCore.ts';
import { useNearby } from './nearbyApi.ts';
import type { NearHouse, Nearby, Point } from './nearbyApi.ts';
import { PhotoPicker } from '../shared/PhotoPicker.tsx';
import { PlaceCard } from './PlaceCard.tsx';

/** Brings the first field with a problem into view, and puts the cursor in it when it is a text box. */
function showFirst(errors: FieldErrors): void {
  const key = FIELD_ORDER.find((k) => errors[k]);
  const element = key ? document.getElementById(`field-${key}`) : null;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) element.focus({ preventScroll: true });
}

/** True when the houses around `at` are known, and there are none: the API would refuse the complaint. */
function nobodyAt(nearby: Nearby, at: Point | null): boolean {
  return (
    at !== null &&
    nearby.status === 'ready' &&
    nearby.houses.length === 0 &&
    nearby.at.latitude === at.latitude &&
    nearby.at.longitude === at.longitude
  );
}

/** Which form fields an edit touches, so their errors go once the citizen fixes them. */
type Field = 'category' | 'description' | 'photos' | 'name' | 'phone' | 'position';

export function ComplaintForm({ buildingCode, onFiled }: { buildingCode: string | null; onFiled: (filed: Filed) => void }) {
  const [draft, setDraft] = useState<ComplaintDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<string | null>(null);
  const uploaded = useRef(new Map<string, string>());
  /** One key per content: kept for a retry of the same form, dropped by any edit or answer. */
  const key = useRef<string | null>(null);
  /** Set at once on a tap (state would wait for a render): a double tap sends once. */
  const sending = useRef(false);
  const byPlace = buildingCode === null;
  /** Where the citizen moved the complaint on the map, and the house they picked there, if any. */
  const [pin, setPin] = useState<Point | null>(null);
  const [house, setHouse] = useState<NearHouse | null>(null);
  const own = positionOf(draft.place);
  const spot = !byPlace || 'error' in own ? null : (pin ?? own);
  const nearby = useNearby(spot);

  /** Drops the error of the field an edit touched (and the form's, once none is left). */
  const touched = (field: Field) => {
    key.current = null;
    setErrors((current) => {
      if (!current[field]) return current;
      const next = { ...current };
      delete next[field];
      if (Object.keys(next).every((k) => k === 'form')) delete next.form;
      return next;
    });
  };
  const edit = (patch: (d: ComplaintDraft) => Partial<ComplaintDraft>, field: Field) => {
    setDraft((d) => ({ ...d, ...patch(d) }));
    touched(field);
  };
  const movePin = (to: Point | null) => {
    setPin(to);
    touched('position');
  };
  const choose = (to: NearHouse | null) => {
    setHouse(to);
    touched('position');
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending.current) return;
    const found = validateDraft(draft, byPlace && !house);
    if (byPlace && !house && !found.position && nobodyAt(nearby, spot)) found.position = COMPLAIN_TEXT.noHouseHere;
    const place: ComplaintPlace | null = !byPlace ? { buildingCode } : house ? { buildingCode: house.code } : spot && { position: spot };
    if (Object.keys(found).length > 0 || !draft.category || !place) {
      setErrors({ ...found, form: COMPLAIN_TEXT.fixErrors });
      showFirst(found);
      return;
    }
    setErrors({});
    setBusy(COMPLAIN_TEXT.submitting);
    sending.current = true;
    key.current ??= newId();
    const answer = await fileComplaint({ ...draft, place, category: draft.category }, key.current, uploaded.current, (done, total) =>
      setBusy(COMPLAIN_TEXT.uploading(done + 1, total)),
    ).catch((): Refused => ({ ok: false, status: -1, message: COMPLAIN_TEXT.unknownError, problems: [] }));
    sending.current = false;
    setBusy(null);
    if (answer.ok) return onFiled(answer.value);
    // Only a try that may not have reached the server is repeated under the same key.
    if (answer.status > 0 && answer.status < 500) key.current = null;
    // A photo the server no longer knows is uploaded again on the next try.
    if (answer.problems.some((p) => p.field.startsWith('body.fileIds'))) uploaded.current.clear();
    const refused = refusalErrors(answer);
    setErrors(refused);
    showFirst(refused);
  };

  const length = draft.description.length;
  return (
    <form className="insp-form" onSubmit={(e) => void submit(e)} noValidate aria-label={COMPLAIN_TEXT.title}>
      <CategoryChoice value={draft.category} error={errors.category} onChange={(category) => edit(() => ({ category }), 'category')} />
      <section className="scan-card">
        <label className="insp-legend" htmlFor="field-description">
          {COMPLAIN_TEXT.description}
        </label>
        <textarea
          id="field-description"
          className="insp-text"
          placeholder={COMPLAIN_TEXT.descriptionPlaceholder}
          value={draft.description}
          maxLength={MAX_DESCRIPTION}
          rows={4}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? 'error-description description-count' : 'description-count'}
          onChange={(e) => {
            const description = e.target.value;
            edit(() => ({ description }), 'description');
          }}
        />
        <p className="cmp-counter" id="description-count">
          {COMPLAIN_TEXT.counter(length, MAX_DESCRIPTION)}
        </p>
        <FieldError id="error-description" message={errors.description} />
      </section>
      <PhotoPicker
        photos={draft.photos}
        error={errors.photos}
        max={MAX_PHOTOS}
        title={COMPLAIN_TEXT.photos}
        album
        onChange={(change) => edit((d) => ({ photos: change(d.photos) }), 'photos')}
      />
      {byPlace && house && <ComplaintMapChosen house={house} error={errors.position} onReset={() => choose(null)} />}
      {byPlace && !house && (
        <PlaceCard
          place={draft.place}
          pin={pin}
          nearby={nearby}
          error={errors.position}
          onChange={(place) => {
            // A new position of the citizen's own replaces the one moved on the map.
            setPin(null);
            edit(() => ({ place }), 'position');
          }}
          onPin={movePin}
          onHouse={choose}
        />
      )}
      <ContactFields
        name={draft.name}
        phone={draft.phone}
        errors={errors}
        onChange={(patch) => edit(() => patch, 'name' in patch ? 'name' : 'phone')}
      />
      <div className="insp-submit">
        {errors.form && (
          <p className="insp-error insp-form-error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="scan-button" disabled={busy !== null} aria-busy={busy !== null}>
          {busy ?? COMPLAIN_TEXT.submit}
        </button>
      </div>
    </form>
  );
}
