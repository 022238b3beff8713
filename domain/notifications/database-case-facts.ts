/** The reads a case's notifications are written from (see case-facts.ts). */
import { prepared } from '../db.ts';
import type { Db } from '../db.ts';
import type { CaseFacts, CaseFactsReader, TaskFacts } from './case-facts.ts';

type Row = Record<string, unknown>;

export class DatabaseCaseFacts implements CaseFactsReader {
  constructor(private readonly db: Db) {}

  async caseFacts(caseId: string): Promise<CaseFacts | undefined> {
    const r = (await prepared(
      this.db('cases as c')
        .leftJoin('buildings as b', 'b.code', 'c.building_code')
        .where('c.id', caseId)
        .first('c.id', 'c.number', 'c.definition_version', 'c.region_code', 'c.category', 'c.measures', 'c.responsible', 'b.address'),
    )) as Row | undefined;
    if (!r) return undefined;
    const party = r.responsible as Record<string, unknown> | null;
    return {
      id: r.id as string,
      number: r.number as string,
      definitionVersion: r.definition_version as number,
      regionCode: r.region_code as string,
      category: r.category as string,
      address: (r.address as string | null) ?? null,
      measures: (r.measures as string[] | null) ?? [],
      responsible: party
        ? {
            name: typeof party.name === 'string' ? party.name : null,
            phone: typeof party.phone === 'string' ? party.phone : null,
            relation: typeof party.relation === 'string' ? party.relation : null,
          }
        : null,
    };
  }

  async taskFacts(taskId: string): Promise<TaskFacts | undefined> {
    const r = (await this.db('tasks as t')
      .leftJoin('users as u', 'u.id', 't.assignee_id')
      .where('t.id', taskId)
      .first(
        't.id',
        't.step',
        't.roles',
        't.region_code',
        't.status',
        't.due_at',
        'u.id as user_id',
        'u.name as user_name',
        'u.phone as user_phone',
      )) as Row | undefined;
    if (!r) return undefined;
    return {
      id: r.id as string,
      step: r.step as string,
      roles: r.roles as string[],
      regionCode: r.region_code as string,
      status: r.status as string,
      dueAt: (r.due_at as Date | null) ?? null,
      assignee: r.user_id ? { id: r.user_id as string, name: r.user_name as string, phone: (r.user_phone as string | null) ?? null } : null,
    };
  }
}
