/** The nine hazard categories; a checked one asks for a short description of what was seen. */
import { CASE_CATEGORY } from '../../../../domain/cases/enums.ts';
import type { CaseCategory } from '../../../../domain/cases/enums.ts';
import { FieldError } from '../shared/FieldError.tsx';
import { MAX_DESCRIPTION, hazardKey } from './draft.ts';
import type { FieldErrors } from './draft.ts';
import { INSPECT_TEXT } from './text.ts';

type Checked = Partial<Record<CaseCategory, string>>;

function HazardItem({
  category,
  description,
  error,
  onChange,
}: {
  category: CaseCategory;
  description: string | undefined;
  error: string | undefined;
  onChange: (description: string | undefined) => void;
}) {
  const label = CASE_CATEGORY.labels[category];
  const errorId = `error-hazard-${category}`;
  return (
    <li className={description === undefined ? 'insp-hazard' : 'insp-hazard checked'}>
      <label className="insp-check">
        <input type="checkbox" checked={description !== undefined} onChange={(e) => onChange(e.target.checked ? '' : undefined)} />
        <span>{label}</span>
      </label>
      {description !== undefined && (
        <>
          <textarea
            id={`field-${hazardKey(category)}`}
            className="insp-text"
            aria-label={INSPECT_TEXT.descriptionLabel(label)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            placeholder={INSPECT_TEXT.descriptionPlaceholder}
            value={description}
            maxLength={MAX_DESCRIPTION}
            rows={2}
            onChange={(e) => onChange(e.target.value)}
          />
          <FieldError id={errorId} message={error} />
        </>
      )}
    </li>
  );
}

export function HazardChecklist({
  checked,
  errors,
  onChange,
}: {
  checked: Checked;
  errors: FieldErrors;
  onChange: (checked: Checked) => void;
}) {
  const set = (category: CaseCategory, description: string | undefined) => {
    const next = { ...checked };
    if (description === undefined) delete next[category];
    else next[category] = description;
    onChange(next);
  };
  return (
    <fieldset className="scan-card insp-fieldset" id="field-hazards" aria-describedby={errors.hazards ? 'error-hazards' : undefined}>
      <legend className="insp-legend">{INSPECT_TEXT.hazards}</legend>
      <p className="insp-hint">{INSPECT_TEXT.hazardsHint}</p>
      <FieldError id="error-hazards" message={errors.hazards} />
      <ul className="insp-hazards">
        {CASE_CATEGORY.values.map((category) => (
          <HazardItem
            key={category}
            category={category}
            description={checked[category]}
            error={errors[hazardKey(category)]}
            onChange={(d) => set(category, d)}
          />
        ))}
      </ul>
    </fieldset>
  );
}
