/**
 * The statistics answers of `/api/stats/…`: the service lives in domain/statistics/service.ts so the
 * worker's monthly bulletin (issue 20 §4) computes its figures through the very same code as the cockpit.
 */
export { DEFAULT_COVERAGE_DAYS, StatsService } from '../../domain/statistics/service.ts';
export type { PeriodQuery, PivotQuery, StatsUser } from '../../domain/statistics/service.ts';
