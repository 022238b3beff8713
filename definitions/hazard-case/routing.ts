/**
 * Reading a definition's routing table: the outcome a completion reports and the hop it takes. Pure, so
 * the workflow's completion plan, the test that walks the table against the BPMN file, and any screen
 * that shows where a case goes next all read the table the same way.
 */
import type { HazardCaseDefinition, Hop, Route, Severity, StepDefinition, StepId } from './types.ts';

/** The outcome a completion reports: the step's only one, or the one its form names (else the last). */
export function outcomeOf(step: StepDefinition, form: Record<string, unknown>): string {
  if (!step.outcomeField) return step.outcomes[0] ?? 'done';
  const named = form[step.outcomeField];
  if (typeof named === 'string' && step.outcomes.includes(named)) return named;
  return step.outcomes[step.outcomes.length - 1] ?? 'done';
}

/** The hop taken, and the recheck failure count after it when the route counts a failure (else null). */
export interface RouteTaken {
  hop: Hop;
  failures: number | null;
}

/** What the route decides on besides the outcome: the case's severity and its recheck failures so far. */
export interface RouteContext {
  severity: Severity;
  recheckFailures: number;
}

/** The hop an outcome of a step takes for this case; an outcome without a route is a definition error. */
export function routeTaken(def: HazardCaseDefinition, step: StepId, outcome: string, ctx: RouteContext): RouteTaken {
  const route = def.steps[step].next[outcome];
  if (!route) throw new Error(`Hazard case v${def.version}: step ${step} has no route for outcome ${outcome}`);
  if ('hop' in route) return { hop: route.hop, failures: null };
  if ('bySeverity' in route) return { hop: route.bySeverity[ctx.severity], failures: null };
  const failures = ctx.recheckFailures + 1;
  return { hop: failures >= def.recheckFailuresToEscalate ? route.failure.atThreshold : route.failure.below, failures };
}

/** Every hop a route can take (for walking the table). */
export function hopsOf(route: Route): Hop[] {
  if ('hop' in route) return [route.hop];
  if ('bySeverity' in route) return [route.bySeverity.serious, route.bySeverity.general];
  return [route.failure.below, route.failure.atThreshold];
}
