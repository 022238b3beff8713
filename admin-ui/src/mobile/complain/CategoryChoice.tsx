/** The nine problem types a citizen can report, as large radio rows (one line each on a phone). */
import { CASE_CATEGORY } from '../../../../domain/cases/enums.ts';
import type { CaseCategory } from '../../../../domain/cases/enums.ts';
import { COMPLAIN_TEXT } from './text.ts';
import { FieldError } from '../shared/FieldError.tsx';

export function CategoryChoice({
  value,
  error,
  onChange,
}: {
  value: CaseCategory | null;
  error: string | undefined;
  onChange: (value: CaseCategory) => void;
}) {
  return (
    <fieldset className="scan-card insp-fieldset" id="field-category" aria-describedby={error ? 'error-category' : undefined}>
      <legend className="insp-legend">{COMPLAIN_TEXT.category}</legend>
      <FieldError id="error-category" message={error} />
      <div className="cmp-categories">
        {CASE_CATEGORY.values.map((c) => (
          <label key={c} className="cmp-category">
            <input type="radio" name="category" value={c} checked={value === c} onChange={() => onChange(c)} />
            <span>{COMPLAIN_TEXT.categories[c]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
