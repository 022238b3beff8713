/**
 * The warning rule definitions by version. Pure: the domain, the workers and the UI import this
 * barrel. A warning records the version that raised it; each rule's schedule runs the current version.
 */
import type { WarningRule, WarningRulesDefinition } from './types.ts';
import { WARNING_RULES_V1 } from './v1/definition.ts';
import { WARNING_RULES_V2 } from './v2/definition.ts';

export type { WarningDispatch, WarningLevel, WarningQueryName, WarningRule, WarningRulesDefinition } from './types.ts';
export { WARNING_QUERIES } from './types.ts';
export { WARNING_RULES_V1 } from './v1/definition.ts';
export { WARNING_RULES_V2 } from './v2/definition.ts';

export const WARNING_RULE_DEFINITIONS: Readonly<Record<number, WarningRulesDefinition>> = { 1: WARNING_RULES_V1, 2: WARNING_RULES_V2 };

/** The version the schedules run now. */
export const CURRENT_WARNING_RULES_VERSION = 2;

/** The definition of `version`; an unknown version is a programming or data error, so it throws. */
export function warningRulesDefinition(version: number = CURRENT_WARNING_RULES_VERSION): WarningRulesDefinition {
  const def = WARNING_RULE_DEFINITIONS[version];
  if (!def) {
    const known = Object.keys(WARNING_RULE_DEFINITIONS).join(', ');
    throw new Error(`Unknown warning rules version ${String(version)} (known: ${known})`);
  }
  return def;
}

/** One rule of one version; unknown ids throw, like unknown versions. */
export function warningRule(id: string, version: number = CURRENT_WARNING_RULES_VERSION): WarningRule {
  const rule = warningRulesDefinition(version).rules.find((r) => r.id === id);
  if (!rule) throw new Error(`Unknown warning rule ${id} in version ${String(version)}`);
  return rule;
}
