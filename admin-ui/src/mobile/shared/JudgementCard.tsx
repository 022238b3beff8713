/** The latest judgement, coloured as people read danger: serious red, some orange, none green. */
import type { PublicBuilding } from './buildingApi.ts';
import { TEXT } from './text.ts';

export function JudgementCard({ building }: { building: PublicBuilding }) {
  const judgement = building.latestJudgement;
  return (
    <section className={`scan-card scan-judgement scan-${judgement ?? 'unknown'}`} aria-labelledby="scan-judgement">
      <p className="scan-label" id="scan-judgement">
        {TEXT.judgement}
      </p>
      <p className="scan-judgement-value" data-judgement={judgement ?? 'none-yet'}>
        {judgement ? TEXT.labels.judgement[judgement] : TEXT.notInspected}
      </p>
      {building.latestJudgementAt && (
        <p className="scan-judgement-date">
          {TEXT.inspectedOn} {building.latestJudgementAt}
        </p>
      )}
      {judgement === 'serious' && <p className="scan-judgement-warning">{TEXT.seriousWarning}</p>}
    </section>
  );
}
