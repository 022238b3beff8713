/** The public summary of a house: its code, where it is, what it is used for, and its latest judgement. */
import type { PublicBuilding } from './buildingApi.ts';
import { JudgementCard } from './JudgementCard.tsx';
import { TEXT, groupedCode } from './text.ts';

export function BuildingSummary({ building }: { building: PublicBuilding }) {
  const place = [building.districtName, building.townName, building.villageName].filter(Boolean).join(' · ');
  return (
    <>
      <section className="scan-card" aria-labelledby="scan-address">
        <p className="scan-label">{TEXT.code}</p>
        <p className="scan-code" data-code={building.code}>
          {groupedCode(building.code)}
        </p>
        <h1 className="scan-address" id="scan-address">
          {building.address}
        </h1>
        {place && <p className="scan-place">{place}</p>}
      </section>
      <JudgementCard building={building} />
      <section className="scan-card">
        <dl className="scan-facts">
          <dt>{TEXT.use}</dt>
          <dd>{TEXT.labels.use[building.use] ?? building.use}</dd>
          <dt>{TEXT.floors}</dt>
          <dd>{TEXT.floorsValue(building.floorsAbove)}</dd>
          <dt>{TEXT.structure}</dt>
          <dd>{TEXT.labels.structure[building.structureType] ?? building.structureType}</dd>
        </dl>
      </section>
    </>
  );
}
