/** 定期巡查 screens beyond the inbox: the cockpit's coverage card and the list behind its figures. */
import { CoverageCard } from './CoverageCard.tsx';
import { DueListPage } from './DueListPage.tsx';

export default { coverageCard: CoverageCard, list: DueListPage };
