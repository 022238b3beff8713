/**
 * The routing table follows the diagram: every hop of every version, for each severity and recheck
 * failure count, runs from the completed task through its `via` elements to the next task along real
 * sequence flows of the BPMN file (or from a task to its deadline timer by boundary attachment); and the
 * table and its reader agree on outcomes and statuses.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementsOf, parseBpmn } from '../../test/support/bpmn.ts';
import type { BpmnElement, ParsedBpmn } from '../../test/support/bpmn.ts';
import { HAZARD_CASE_DEFINITIONS, HAZARD_CASE_V1, HAZARD_CASE_V2, hopsOf, outcomeOf, routeTaken } from './index.ts';
import type { HazardCaseDefinition, Hop, Severity, StepId } from './index.ts';

const SEVERITIES: Severity[] = ['serious', 'general'];

/** Whether the diagram goes from `a` to `b` in one step: a sequence flow, or `b` a boundary event on `a`. */
function connects(parsed: ParsedBpmn): (a: string, b: string) => boolean {
  const flows = new Set(elementsOf(parsed, 'bpmn:SequenceFlow').map((f) => `${f.sourceRef?.id}>${f.targetRef?.id}`));
  return (a, b) => flows.has(`${a}>${b}`) || parsed.elementsById[b]?.attachedToRef?.id === a;
}

/** The elements a completion of `step` passes through `hop`, from its task to the next task. */
function pathOf(def: HazardCaseDefinition, step: StepId, hop: Hop): string[] {
  return [def.steps[step].elementId, ...hop.via, ...(hop.to ? [def.steps[hop.to].elementId] : [])];
}

/** Every (step, failures so far) a case of `severity` can reach from the first task, with the hop each outcome takes. */
function walk(def: HazardCaseDefinition, severity: Severity): { step: StepId; outcome: string; failures: number; hop: Hop }[] {
  const hops: { step: StepId; outcome: string; failures: number; hop: Hop }[] = [];
  const seen = new Set<string>();
  const todo: { step: StepId; failures: number }[] = [{ step: 'assign', failures: 0 }];
  while (todo.length) {
    const at = todo.pop() as { step: StepId; failures: number };
    const key = `${at.step}/${at.failures}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const outcome of def.steps[at.step].outcomes) {
      const { hop, failures } = routeTaken(def, at.step, outcome, { severity, recheckFailures: at.failures });
      hops.push({ step: at.step, outcome, failures: at.failures, hop });
      // Past the threshold every further failure routes alike: stop counting there.
      const after = Math.min(failures ?? at.failures, def.recheckFailuresToEscalate);
      if (hop.to) todo.push({ step: hop.to, failures: after });
    }
  }
  return hops;
}

const throwsEscalation = (e: BpmnElement | undefined) =>
  e?.eventDefinitions?.some((d) => d.$type === 'bpmn:EscalationEventDefinition') === true;

for (const def of Object.values(HAZARD_CASE_DEFINITIONS)) {
  describe(`hazard case v${def.version}: the routing table`, async () => {
    const parsed = await parseBpmn(def.version);
    const byId = parsed.elementsById;
    const connected = connects(parsed);
    const assertPath = (path: string[], what: string) => {
      for (let i = 1; i < path.length; i++) {
        assert.ok(
          connected(path[i - 1] as string, path[i] as string),
          `${what}: no flow ${path[i - 1]} → ${path[i]} (${path.join(' → ')})`,
        );
      }
    };

    it('routes each outcome of each step, and nothing else', () => {
      for (const step of Object.values(def.steps)) {
        assert.deepEqual(Object.keys(step.next).sort(), [...step.outcomes].sort(), step.id);
        assert.equal(step.outcomeField === null, step.outcomes.length === 1, `${step.id}: a choice of outcomes is named by a field`);
      }
    });

    for (const severity of SEVERITIES) {
      it(`follows sequence flows of the diagram on every path of a ${severity} case`, () => {
        const hops = walk(def, severity);
        for (const { step, outcome, failures, hop } of hops) {
          const what = `${severity} ${step} ${outcome} after ${failures} failures`;
          if (hop.to === null && hop.via.length === 0) {
            // No flow leaves the task: the hop only escalates anew, which starts the escalation sub-process.
            assert.ok(hop.escalate, `${what}: a hop to nowhere must escalate`);
            continue;
          }
          assertPath(pathOf(def, step, hop), what);
          const last = byId[pathOf(def, step, hop).at(-1) as string];
          if (hop.to === null) assert.equal(last?.$type, 'bpmn:EndEvent', `${what}: ends at an end event`);
          if (hop.escalate && hop.via.length > 0)
            assert.ok(
              hop.via.some((id) => throwsEscalation(byId[id])),
              `${what}: throws the escalation`,
            );
        }
        const reached = new Set(hops.flatMap((h) => [h.step, h.hop.to]));
        const expected: StepId[] =
          severity === 'serious' ? ['assign', 'control', 'rectify', 'recheck', 'close'] : ['assign', 'rectify', 'recheck', 'close'];
        for (const step of expected) assert.ok(reached.has(step), `${severity}: reaches ${step}`);
        assert.equal(reached.has('control'), severity === 'serious', 'only serious cases are controlled');
      });
    }

    it('routes the refused-escalation task from the escalation sub-process, both ways', () => {
      const step = def.steps.escalationRefused;
      for (const route of Object.values(step.next)) {
        for (const hop of hopsOf(route)) {
          if (hop.via.length) assertPath(pathOf(def, 'escalationRefused', hop), `escalationRefused → ${hop.via.join()}`);
          else assert.equal(hop.escalate, 'resent');
        }
      }
    });

    it('follows the diagram on the paths the workflow reports beside the table', () => {
      const el = def.elements;
      assertPath([el.start, def.steps[def.firstStep].elementId], 'registration');
      assertPath([el.cancelStart, el.cancelled], 'cancel');
      assertPath([el.escalationStart, el.escalate, el.escalationResult, el.escalationSent], 'escalation accepted');
      assertPath([el.escalationResult, def.steps.escalationRefused.elementId], 'escalation refused');
      for (const step of Object.values(def.steps)) {
        if (step.timerElementId && step.overdueElementId) {
          assertPath([step.elementId, step.timerElementId, step.overdueElementId], `${step.id} overdue`);
        }
      }
      assert.equal(
        byId[el.escalationStart]?.eventDefinitions?.[0]?.escalationRef?.id,
        byId[el.recheckEscalation]?.eventDefinitions?.[0]?.escalationRef?.id,
      );
    });
  });
}

describe('reading the routing table', () => {
  it('gives every step the status the case shows while it is open', () => {
    const statuses = Object.fromEntries(Object.values(HAZARD_CASE_V1.steps).map((s) => [s.id, s.status]));
    assert.deepEqual(statuses, {
      assign: 'assigning',
      control: 'controlling',
      rectify: 'rectifying',
      recheck: 'rechecking',
      close: 'closing',
      escalationRefused: null,
    });
  });

  it('keeps version 1 routing in version 2, which changed timings only', () => {
    for (const id of Object.keys(HAZARD_CASE_V1.steps) as StepId[]) {
      assert.deepEqual(HAZARD_CASE_V2.steps[id].next, HAZARD_CASE_V1.steps[id].next, id);
      assert.equal(HAZARD_CASE_V2.steps[id].status, HAZARD_CASE_V1.steps[id].status, id);
    }
  });

  it('takes the outcome a form names, the last one for any other value, and a single outcome as it is', () => {
    const { recheck, escalationRefused, rectify } = HAZARD_CASE_V1.steps;
    assert.equal(outcomeOf(recheck, { result: 'pass' }), 'pass');
    assert.equal(outcomeOf(recheck, { result: 'fail' }), 'fail');
    assert.equal(outcomeOf(recheck, {}), 'fail');
    assert.equal(outcomeOf(escalationRefused, { action: 'resent' }), 'resent');
    assert.equal(outcomeOf(escalationRefused, { action: 'other' }), 'handled');
    assert.equal(outcomeOf(rectify, { result: 'pass' }), 'submitted');
  });

  it('counts a failed recheck and escalates at the threshold', () => {
    const below = routeTaken(HAZARD_CASE_V1, 'recheck', 'fail', { severity: 'general', recheckFailures: 0 });
    assert.equal(below.failures, 1);
    assert.equal(below.hop.escalate, undefined);
    const at = routeTaken(HAZARD_CASE_V1, 'recheck', 'fail', { severity: 'general', recheckFailures: 1 });
    assert.equal(at.failures, 2);
    assert.equal(at.hop.escalate, 'recheck_failed_twice');
    assert.equal(routeTaken(HAZARD_CASE_V1, 'recheck', 'pass', { severity: 'general', recheckFailures: 1 }).failures, null);
  });

  it('refuses an outcome the table does not route', () => {
    assert.throws(
      () => routeTaken(HAZARD_CASE_V1, 'close', 'reopened', { severity: 'general', recheckFailures: 0 }),
      /no route for outcome reopened/,
    );
  });
});
