/** Fixtures for the case stores' tests: a demo user with their ability, a house, and a case's first step. */
import { randomUUID } from 'node:crypto';
import { createAppAbility, rulesFor } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { Db } from '../../domain/db.ts';
import type { Role } from '../../domain/roles.ts';
import { seedSyntheticBuildings } from '../../tools/synthetic/seed.ts';
import type { NewCase } from '../../domain/cases/store.ts';
import type { Transition } from '../../domain/cases/transition.ts';
import type { Actor } from '../../workflows/hazard-case/messages.ts';

export interface StoreUser extends Actor {
  ability: AppAbility;
}

/** A demo user (domain/demo-accounts.ts) by account, with their ability. */
export async function demoUser(db: Db, username: string): Promise<StoreUser> {
  const u = (await db('users').where({ username }).first('id', 'name', 'role', 'region_code')) as {
    id: string;
    name: string;
    role: Role;
    region_code: string;
  };
  const user = { id: u.id, name: u.name, role: u.role, regionCode: u.region_code };
  return { ...user, ability: createAppAbility(rulesFor(user)) };
}

/** Seeds `count` synthetic houses across the district's villages. */
export async function seedHouses(db: Db, count: number): Promise<void> {
  await seedSyntheticBuildings(db, { count, district: '441802' });
}

/** The first synthetic house within a region (by code prefix): its code and village. */
export async function houseIn(db: Db, regionCode: string): Promise<{ code: string; villageCode: string }> {
  const row = (await db('buildings').where('village_code', 'like', `${regionCode}%`).orderBy('code').first('code', 'village_code')) as {
    code: string;
    village_code: string;
  };
  return { code: row.code, villageCode: row.village_code };
}

/** A user of another role and region than the demo ones, with their ability (not stored). */
export function someone(role: Role, regionCode: string): StoreUser {
  const user = { id: randomUUID(), name: '测试', role, regionCode };
  return { ...user, ability: createAppAbility(rulesFor(user)) };
}

const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 8, 0, s)).toISOString();

/** A case's registration step (seq 1): the assign task opened for the village's town officers, due at `dueAt`. */
export function registration(caseId: string, actor: Actor, dueAt: string = at(50)): Transition & { taskId: string } {
  const taskId = randomUUID();
  return {
    taskId,
    caseId,
    seq: 1,
    occurredAt: at(1),
    event: {
      type: 'case.registered',
      elementId: 'StartEvent_hazard',
      taskId: null,
      actor,
      data: { severity: 'general', path: ['StartEvent_hazard', 'Task_assign'] },
    },
    case: { status: 'assigning', activeElements: ['Task_assign'], dueAt },
    openTasks: [
      {
        id: taskId,
        taskNo: 1,
        step: 'assign',
        elementId: 'Task_assign',
        roles: ['town_officer'],
        regionCode: '441802006000',
        dueAt,
        assigneeId: null,
      },
    ],
  };
}

/** The fields of a case an officer registers at `house`; `overrides` changes any of them. */
export function newCase(house: { code: string; villageCode: string }, by: Actor, overrides: Partial<NewCase> = {}): NewCase {
  return {
    buildingCode: house.code,
    regionCode: house.villageCode,
    category: 'structure_damage',
    severity: 'serious',
    description: '墙体开裂',
    source: 'officer',
    sourceRef: null,
    definitionVersion: 1,
    createdBy: by.id,
    ...overrides,
  };
}
