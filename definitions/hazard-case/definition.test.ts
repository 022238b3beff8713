/**
 * The hazard case definitions agree with their BPMN diagrams (ids, timers, layout, bpmnlint), and the
 * completion forms accept good bodies and name the field of a bad one, through the API's own validator.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { Config, Report } from 'bpmnlint/lib/types.js';
import { validator } from '../../api/http/validation.ts';
import { InputError } from '../../domain/errors.ts';
import { HAZARD_CASE_DEFINITIONS, allElementIds, hazardCaseDefinition, stepByElement } from './index.ts';
import type { StepId } from './index.ts';
import { hazardForms } from './forms.ts';
import { REPO_ROOT, elementsOf, parseBpmn } from '../../test/support/bpmn.ts';
import type { BpmnElement } from '../../test/support/bpmn.ts';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: new (options: { config: Config; resolver: unknown }) => BpmnLinter };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver.js') as new (options: { require: NodeJS.Require }) => unknown;
interface BpmnLinter {
  /** Reports by rule name; rules without reports are left out. */
  lint(definitions: BpmnElement): Promise<Record<string, (Report & { category: string })[]>>;
}

for (const def of Object.values(HAZARD_CASE_DEFINITIONS)) {
  describe(`hazard case v${def.version}: the BPMN diagram`, async () => {
    const parsed = await parseBpmn(def.version);
    const byId = parsed.elementsById;
    const steps = Object.values(def.steps);

    it('parses without warnings and holds the process the definition names', () => {
      assert.deepEqual(parsed.warnings, []);
      assert.equal(byId[def.processId]?.$type, 'bpmn:Process');
    });

    it('passes bpmnlint recommended with no errors and no warnings', async () => {
      const config = JSON.parse(readFileSync(new URL('definitions/.bpmnlintrc', REPO_ROOT), 'utf8')) as Config;
      assert.equal(config.extends, 'bpmnlint:recommended');
      const linter = new Linter({ config, resolver: new NodeResolver({ require }) });
      const reports = Object.entries(await linter.lint(parsed.rootElement)).flatMap(([rule, found]) =>
        found.map((r) => `${rule} ${r.category}: ${r.id ?? ''} ${r.message}`),
      );
      assert.deepEqual(reports, []);
    });

    it('makes every user task a step and every step a user task', () => {
      const userTasks = elementsOf(parsed, 'bpmn:UserTask').map((e) => e.id);
      assert.deepEqual(userTasks.sort(), steps.map((s) => s.elementId).sort());
    });

    it('attaches each step deadline timer, non-interrupting, to its task, leading to an escalation end event', () => {
      for (const step of steps) {
        assert.equal(step.timerElementId === null, step.overdueElementId === null, `${step.id}: timer and overdue event go together`);
        if (!step.timerElementId || !step.overdueElementId) continue;
        const timer = byId[step.timerElementId];
        assert.equal(timer?.$type, 'bpmn:BoundaryEvent', step.timerElementId);
        assert.equal(timer.attachedToRef?.id, step.elementId);
        assert.equal(timer.cancelActivity, false);
        const timerDefinition = timer.eventDefinitions?.find((d) => d.$type === 'bpmn:TimerEventDefinition');
        assert.ok(timerDefinition?.timeDuration?.body, `${step.timerElementId} has a timeDuration`);
        assert.deepEqual(
          timer.outgoing?.map((f) => f.targetRef?.id),
          [step.overdueElementId],
        );
        const overdue = byId[step.overdueElementId];
        assert.equal(overdue?.$type, 'bpmn:EndEvent');
        assert.equal(overdue.eventDefinitions?.[0]?.escalationRef?.id, 'Escalation_supervision');
      }
    });

    it('contains every element the workflow reports', () => {
      const missing = allElementIds(def).filter((id) => !byId[id]);
      assert.deepEqual(missing, []);
    });

    it('gives every flow node a shape and every sequence flow an edge, so bpmn-js draws them', () => {
      const planeElements = parsed.rootElement.diagrams.flatMap((d) => d.plane.planeElement);
      const drawn = new Set(planeElements.map((p) => p.bpmnElement?.id));
      const undrawn = [...elementsOf(parsed, 'bpmn:FlowNode'), ...elementsOf(parsed, 'bpmn:SequenceFlow')]
        .map((e) => e.id)
        .filter((id) => !drawn.has(id));
      assert.deepEqual(undrawn, []);
      const edgesWithoutWaypoints = planeElements.filter((p) => p.$type === 'bpmndi:BPMNEdge' && (p.waypoint?.length ?? 0) < 2);
      assert.deepEqual(
        edgesWithoutWaypoints.map((p) => p.id),
        [],
      );
    });
  });
}

describe('hazard case definitions', () => {
  it('refuses an unknown version with an error that names it', () => {
    assert.throws(() => hazardCaseDefinition(99), /Unknown hazard case definition version 99/);
    assert.throws(() => hazardForms(99), /version 99/);
  });

  it('finds the step of a user task, of its deadline timer and of its overdue event', () => {
    const def = hazardCaseDefinition(1);
    assert.equal(stepByElement(def, 'Task_rectify')?.id, 'rectify');
    assert.equal(stepByElement(def, 'Timer_rectify_due')?.id, 'rectify');
    assert.equal(stepByElement(def, 'EndEvent_assign_overdue')?.id, 'assign');
    assert.equal(stepByElement(def, 'Gateway_recheck'), undefined);
  });

  it('gives every step of every version a completion form', () => {
    for (const def of Object.values(HAZARD_CASE_DEFINITIONS)) {
      assert.deepEqual(Object.keys(hazardForms(def.version)).sort(), Object.keys(def.steps).sort());
    }
  });
});

const FILE = '3f1c2d9e-8b7a-4c6d-9e5f-0a1b2c3d4e5f';

/** For each step: bodies that pass, and bodies that fail with the field named. */
const EXAMPLES: Record<StepId, { valid: unknown[]; invalid: { body: unknown; field: string }[] }> = {
  assign: {
    valid: [
      { responsibleParty: { name: '张三', phone: '13800138000', relation: 'owner' }, measures: ['stop_use_evacuate', 'appraisal'] },
      {
        responsibleParty: { name: '李四', phone: '0763-3381234', relation: 'user' },
        measures: ['repair_reinforce'],
        rectifyDeadline: '2026-03-31',
      },
    ],
    invalid: [
      {
        body: { responsibleParty: { name: '张三', phone: '12345', relation: 'owner' }, measures: ['demolish'] },
        field: 'body.responsibleParty.phone',
      },
      { body: { responsibleParty: { name: '张三', relation: 'owner' }, measures: [] }, field: 'body.measures' },
      {
        body: { responsibleParty: { name: '张三', relation: 'owner' }, measures: ['demolish'], rectifyDeadline: '2026-13-01' },
        field: 'body.rectifyDeadline',
      },
    ],
  },
  control: {
    valid: [{ measuresTaken: ['stopped_use', 'evacuated', 'barrier', 'warning_sign'], fileIds: [FILE], note: '已封闭' }],
    invalid: [
      { body: { measuresTaken: ['stopped_use'], fileIds: [] }, field: 'body.fileIds' },
      { body: { measuresTaken: ['sealed'], fileIds: [FILE] }, field: 'body.measuresTaken.0' },
    ],
  },
  rectify: {
    valid: [
      { description: '已加固承重墙并委托鉴定', fileIds: [FILE], appraisalGrade: 'B', appraisalReportFileId: FILE, demolished: false },
    ],
    invalid: [
      { body: { description: '已整改', fileIds: [FILE], appraisalGrade: 'E' }, field: 'body.appraisalGrade' },
      { body: { description: '已整改', fileIds: ['not-a-uuid'] }, field: 'body.fileIds.0' },
    ],
  },
  recheck: {
    valid: [{ result: 'pass' }, { result: 'fail', reasons: '裂缝未修复', fileIds: [FILE] }],
    invalid: [
      { body: { result: 'fail' }, field: 'body.reasons' },
      { body: { result: 'maybe' }, field: 'body.result' },
    ],
  },
  close: {
    valid: [
      { signRemoved: true, appraisalGrade: 'A' },
      { signRemoved: true, demolished: true, demolitionFileIds: [FILE] },
    ],
    invalid: [
      { body: { signRemoved: false }, field: 'body.signRemoved' },
      { body: { signRemoved: true, closedBy: 'me' }, field: 'body.closedBy' },
    ],
  },
  escalationRefused: {
    valid: [{ action: 'resent', note: '补充材料后重新上报' }],
    invalid: [
      { body: { action: 'resent' }, field: 'body.note' },
      { body: { action: 'ignored', note: '无' }, field: 'body.action' },
    ],
  },
};

describe('hazard case v1 completion forms', () => {
  const forms = hazardForms(1);
  for (const [step, { valid, invalid }] of Object.entries(EXAMPLES) as [StepId, (typeof EXAMPLES)[StepId]][]) {
    const check = validator(forms[step], 'body');
    it(`${step}: accepts a complete body`, () => {
      for (const body of valid) assert.deepEqual(check(body), body);
    });
    it(`${step}: refuses a bad body, naming the field at fault`, () => {
      for (const { body, field } of invalid) {
        assert.throws(
          () => check(body),
          (e: unknown) => e instanceof InputError && e.details.some((d) => d.field === field),
          `${JSON.stringify(body)} names ${field}`,
        );
      }
    });
  }
});
