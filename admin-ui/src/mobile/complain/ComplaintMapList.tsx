/**
 * The houses on the complaint map as a list under it, nearest first and numbered as their dots:
 * the easy way to pick one when dots sit close together. A few rows at first, all on request.
 */
import { useState } from 'react';
import { COMPLAIN_TEXT } from './text.ts';
import { houseWords } from './ComplaintMap.tsx';
import type { NearHouse } from './nearbyApi.ts';

/** Rows shown before 显示全部: the nearest houses are the likely ones. */
const FIRST_ROWS = 5;

export function ComplaintMapList({
  houses,
  pinned,
  onHouse,
}: {
  houses: NearHouse[];
  pinned: boolean;
  onHouse: (house: NearHouse) => void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? houses : houses.slice(0, FIRST_ROWS);
  return (
    <>
      <h3 className="cmp-near-title">{COMPLAIN_TEXT.nearbyTitle}</h3>
      <ol className="cmp-near">
        {shown.map((h, i) => {
          const { address, distance } = houseWords(h, pinned);
          return (
            <li key={h.code}>
              <button type="button" className="cmp-near-row" data-code={h.code} onClick={() => onHouse(h)}>
                <span className="cmp-near-no" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="cmp-near-text">
                  <span className="cmp-near-address">{address}</span>
                  <span className="cmp-near-meta">{[h.villageName, distance].filter(Boolean).join(' · ')}</span>
                </span>
                <span className="cmp-near-go" aria-hidden="true">
                  ›
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {!all && houses.length > FIRST_ROWS && (
        <button type="button" className="cmp-link" onClick={() => setAll(true)}>
          {COMPLAIN_TEXT.showAll(houses.length)}
        </button>
      )}
    </>
  );
}
