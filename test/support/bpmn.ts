/** Reads a hazard case version's BPMN file with bpmn-moddle, for the tests that hold the code to the diagram. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HAZARD_CASE_BPMN_FILES } from '../../definitions/hazard-case/index.ts';

/** The parts of a bpmn-moddle element these tests read. */
export interface BpmnElement {
  $type: string;
  id?: string;
  $instanceOf(type: string): boolean;
  attachedToRef?: BpmnElement;
  cancelActivity?: boolean;
  eventDefinitions?: BpmnElement[];
  timeDuration?: { body?: string };
  escalationRef?: BpmnElement;
  outgoing?: BpmnElement[];
  sourceRef?: BpmnElement;
  targetRef?: BpmnElement;
  bpmnElement?: BpmnElement;
  waypoint?: unknown[];
}

export interface ParsedBpmn {
  rootElement: BpmnElement & { diagrams: { plane: { planeElement: BpmnElement[] } }[] };
  elementsById: Record<string, BpmnElement>;
  warnings: unknown[];
}

export const REPO_ROOT = new URL('../../', import.meta.url);

// bpmn-moddle types its elements but not its entry point; a non-literal specifier keeps the import untyped.
const BPMN_MODDLE = 'bpmn-moddle';
const { BpmnModdle } = (await import(BPMN_MODDLE)) as { BpmnModdle: () => { fromXML(xml: string): Promise<ParsedBpmn> } };

/** The BPMN file of a definition version, parsed. */
export async function parseBpmn(version: number): Promise<ParsedBpmn> {
  const path = HAZARD_CASE_BPMN_FILES[version];
  assert.ok(path, `version ${version} names its BPMN file`);
  return BpmnModdle().fromXML(readFileSync(new URL(path, REPO_ROOT), 'utf8'));
}

/** The elements of a parsed file that are instances of `type` (e.g. `bpmn:SequenceFlow`). */
export const elementsOf = (parsed: ParsedBpmn, type: string) => Object.values(parsed.elementsById).filter((e) => e.$instanceOf(type));
