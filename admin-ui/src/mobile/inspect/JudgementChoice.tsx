/** The preliminary judgement as three large choices, coloured as the house page colours them. */
import { JUDGEMENT } from '../../../../domain/buildings/enums.ts';
import type { Judgement } from '../../../../domain/buildings/enums.ts';
import { FieldError } from '../shared/FieldError.tsx';
import { INSPECT_TEXT } from './text.ts';

export function JudgementChoice({
  value,
  error,
  onChange,
}: {
  value: Judgement | null;
  error: string | undefined;
  onChange: (value: Judgement) => void;
}) {
  return (
    <fieldset className="scan-card insp-fieldset" id="field-judgement" aria-describedby={error ? 'error-judgement' : undefined}>
      <legend className="insp-legend">{INSPECT_TEXT.judgement}</legend>
      <div className="insp-choices">
        {JUDGEMENT.values.map((j) => (
          <label key={j} className={`insp-choice insp-choice-${j}`}>
            <input type="radio" name="judgement" value={j} checked={value === j} onChange={() => onChange(j)} />
            <span>{JUDGEMENT.labels[j]}</span>
          </label>
        ))}
      </div>
      <FieldError id="error-judgement" message={error} />
    </fieldset>
  );
}
