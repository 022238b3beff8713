/**
 * Case definitions as the API serves them: the versions, each version's BPMN file, and the overview per
 * element (cases there now, cases that passed it) within the caller's scope.
 */
import { readFile } from 'node:fs/promises';
import { HAZARD_CASE_BPMN_FILES, HAZARD_CASE_DEFINITIONS, LATEST_HAZARD_CASE_VERSION } from '../../definitions/hazard-case/index.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { ElementCounts, ProcessStatisticsStore } from '../../domain/process-statistics/store.ts';

const REPO_ROOT = new URL('../../', import.meta.url);

function known(version: number) {
  const def = HAZARD_CASE_DEFINITIONS[version];
  if (!def) throw new NotFoundError(`隐患案件流程没有第 ${version} 版`);
  return def;
}

export class DefinitionService {
  constructor(private readonly deps: { statistics: ProcessStatisticsStore }) {}

  /** Every version of the hazard case definition, and which is the latest. */
  versions() {
    return { latest: LATEST_HAZARD_CASE_VERSION, versions: Object.values(HAZARD_CASE_DEFINITIONS) };
  }

  /** The BPMN 2.0 file of a version (with its diagram layout). */
  async bpmn(version: number): Promise<string> {
    known(version);
    return readFile(new URL(HAZARD_CASE_BPMN_FILES[version] as string, REPO_ROOT), 'utf8');
  }

  /** Per element of a version: open cases there now and cases that passed it, in the caller's scope. */
  async statistics(ability: AppAbility, version: number, regionCode: string | undefined): Promise<ElementCounts> {
    known(version);
    return this.deps.statistics.elementCounts(ability, version, regionCode);
  }
}
