/**
 * Access rules, shared by the API (which enforces them and translates them to SQL) and the admin UI
 * (which hides what a user cannot do). A user's scope is their region subtree, expressed with the
 * custom `$startsWith` operator so the rules stay plain JSON that can be sent to the browser.
 */
import { buildMongoQueryMatcher, createMongoAbility, subject } from '@casl/ability';
import type { ForcedSubject, MongoAbility, MongoQuery, RawRuleOf } from '@casl/ability';
import type { FieldCondition, FieldInstruction, JsInterpreter } from '@ucast/mongo2js';
import type { Role } from './roles.ts';
import { regionScopePrefix } from './regions.ts';

export const ACTIONS = [
  'manage',
  'read',
  'create',
  'update',
  'disable',
  'resetPassword',
  'unlock',
  'readPersonal',
  'import',
  'print',
  'cancel',
  'escalate',
  'reassign',
  'audit',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Subjects grow with the platform; each names a resource guarded by region. */
export const SUBJECTS = [
  'User',
  'Region',
  'AuditLog',
  'Building',
  'ImportJob',
  'LabelBatch',
  'Case',
  'Inspection',
  'Complaint',
  'Campaign',
  'Warning',
  'Bulletin',
  'ApiClient',
  'DataReport',
  'all',
] as const;
export type Subject = (typeof SUBJECTS)[number];

/** A record tagged with its subject type, so rules with conditions can be checked against it. */
export type SubjectRecord = Record<string, unknown> & ForcedSubject<Exclude<Subject, 'all'>>;

export type AppAbility = MongoAbility<[Action, Subject | SubjectRecord], MongoQuery>;
/** One rule as JSON: what the API enforces and the UI receives. */
export interface AppRule {
  action: Action | Action[];
  subject: Subject | Subject[];
  conditions?: Record<string, unknown>;
  inverted?: boolean;
}

const $startsWith: FieldInstruction<string> = {
  type: 'field',
  validate(instruction, value) {
    if (typeof value !== 'string') throw new TypeError(`${instruction.name} expects a string`);
  },
};

const startsWith: JsInterpreter<FieldCondition<string>> = (node, object, { get }) => {
  const value: unknown = get(object, node.field);
  return typeof value === 'string' && value.startsWith(node.value);
};

const conditionsMatcher = buildMongoQueryMatcher({ $startsWith }, { startsWith });

/** The who-can-do-what of a signed-in user, from their role and region only. */
export interface AbilityUser {
  id: string;
  role: Role;
  regionCode: string;
}

/** Builds the rules for one user: the same list is enforced by the API and mirrored by the UI. */
export function rulesFor(user: AbilityUser): AppRule[] {
  const rules: AppRule[] = [];
  const can = (action: Action | Action[], subject: Subject | Subject[], conditions?: Record<string, unknown>) =>
    rules.push(conditions ? { action, subject, conditions } : { action, subject });
  const prefix = regionScopePrefix(user.regionCode);
  const within = (field: string) => ({ [field]: { $startsWith: prefix } });

  can('read', 'Region', within('code'));
  can('read', 'Building', within('villageCode'));
  // Everyone with an account sees the cases of their area; the task inbox decides who works which step.
  can('read', 'Case', within('regionCode'));
  // Inspections: everyone reads those of their area; who may record one is per role below.
  can('read', 'Inspection', within('regionCode'));
  // Complaints: everyone reads them (the complainant masked); verifying and the full identity are per role.
  can('read', 'Complaint', within('regionCode'));
  // Warnings (预警): everyone reads those raised within their area; handling them is per role below.
  can('read', 'Warning', within('regionCode'));
  const warningHandler = () => can('update', 'Warning', within('regionCode'));
  // Monthly bulletins (通报): read like the statistics they summarise (the reader's area, so a town officer
  // sees their town's and its villages', not the district's); officers may also ask for one to be made.
  can('read', 'Bulletin', within('regionCode'));
  const bulletinMaker = () => can('create', 'Bulletin', within('regionCode'));
  const verifier = () => can(['update', 'readPersonal'], 'Complaint', within('regionCode'));
  // Upward reports (数据上报): the district's and the towns' officers report their own area.
  const reporter = () => can(['create', 'read'], 'DataReport', within('regionCode'));
  const registrar = () => {
    can(['create', 'update', 'readPersonal', 'print'], 'Building', within('villageCode'));
    can(['create', 'read'], ['ImportJob', 'LabelBatch'], within('regionCode'));
  };
  switch (user.role) {
    case 'district_admin':
      can(['read', 'create', 'update', 'disable', 'resetPassword', 'unlock'], 'User', within('regionCode'));
      // Credentials of higher-level platforms reading the region's houses (issue 20 §2).
      can(['read', 'create', 'disable'], 'ApiClient', within('regionCode'));
      can('read', 'AuditLog', within('regionCode'));
      can(['create', 'cancel', 'escalate', 'reassign', 'audit'], 'Case', within('regionCode'));
      can('create', 'Inspection', within('regionCode'));
      can(['create', 'cancel'], 'Campaign', within('regionCode'));
      verifier();
      warningHandler();
      registrar();
      bulletinMaker();
      reporter();
      break;
    case 'district_officer':
      can(['create', 'cancel', 'escalate', 'reassign', 'audit'], 'Case', within('regionCode'));
      can('create', 'Inspection', within('regionCode'));
      can(['create', 'cancel'], 'Campaign', within('regionCode'));
      verifier();
      warningHandler();
      registrar();
      bulletinMaker();
      reporter();
      break;
    case 'town_officer':
      can(['create', 'escalate', 'reassign'], 'Case', within('regionCode'));
      can('create', 'Inspection', within('regionCode'));
      verifier();
      warningHandler();
      registrar();
      bulletinMaker();
      reporter();
      break;
    case 'inspector':
      // Inspectors meet owners on site: they may see their contact details (each view is audited).
      can(['readPersonal', 'print'], 'Building', within('villageCode'));
      can(['create', 'read'], 'LabelBatch', within('regionCode'));
      can('create', 'Inspection', within('regionCode'));
      verifier();
      break;
    case 'auditor':
      can('read', 'AuditLog', within('regionCode'));
      can('read', ['ImportJob', 'LabelBatch', 'DataReport'], within('regionCode'));
      can('audit', 'Case', within('regionCode'));
      break;
  }
  return rules;
}

/** Rebuilds an ability from rules, with the `$startsWith` operator understood. */
export function createAppAbility(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules as RawRuleOf<AppAbility>[], { conditionsMatcher });
}

const abilities = new Map<string, AppAbility>();
const ABILITY_CACHE_SIZE = 1_000;

/**
 * The ability of a user, made once per user, role and region and then reused: an ability is never
 * changed after it is made, and CASL compiles its rules' conditions on first use, which each request
 * would otherwise pay again. A changed role or region is another key; the cache holds at most
 * 1,000, dropping the least recently used.
 */
export function abilityFor(user: AbilityUser): AppAbility {
  const key = `${user.id}\u0000${user.role}\u0000${user.regionCode}`;
  const hit = abilities.get(key);
  if (hit) {
    abilities.delete(key);
    abilities.set(key, hit);
    return hit;
  }
  const made = createAppAbility(rulesFor(user));
  abilities.set(key, made);
  if (abilities.size > ABILITY_CACHE_SIZE) abilities.delete(abilities.keys().next().value as string);
  return made;
}

/** Tags a copy of a plain record with its subject type, for `ability.can(action, asSubject(type, row))`. */
export function asSubject(type: Exclude<Subject, 'all'>, row: object): SubjectRecord {
  return subject(type, { ...row } as Record<string, unknown>);
}
