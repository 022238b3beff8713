/**
 * The house the citizen picked on the complaint map, shown like a scanned house's summary (its
 * code and address), with 重新选择 to go back to the map. The complaint is then sent with its code.
 */
import { useEffect, useRef } from 'react';
import { COMPLAIN_TEXT } from './text.ts';
import { FieldError } from '../shared/FieldError.tsx';
import type { NearHouse } from './nearbyApi.ts';
import { TEXT, groupedCode } from '../shared/text.ts';

export function ComplaintMapChosen({ house, error, onReset }: { house: NearHouse; error: string | undefined; onReset: () => void }) {
  const card = useRef<HTMLElement>(null);
  // The map the citizen tapped on is gone: keep the card that replaced it in view.
  useEffect(() => {
    card.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <section className="scan-card cmp-chosen" id="field-position" ref={card} aria-labelledby="chosen-address">
      <h2 className="insp-legend">{COMPLAIN_TEXT.chosenTitle}</h2>
      <p className="scan-label">{TEXT.code}</p>
      <p className="scan-code" data-code={house.code}>
        {groupedCode(house.code)}
      </p>
      <p className="scan-address" id="chosen-address">
        {house.address ?? COMPLAIN_TEXT.noAddress}
      </p>
      {house.villageName && <p className="scan-place">{house.villageName}</p>}
      <p className="cmp-chosen-hint">{COMPLAIN_TEXT.chosenHint}</p>
      <button type="button" className="cmp-link" onClick={onReset}>
        {COMPLAIN_TEXT.chooseAgain}
      </button>
      <FieldError id="error-position" message={error} />
    </section>
  );
}
