/** The process statistics in SQL: counted from `cases.active_elements` and the paths in `case_events`. */
import type { AppAbility } from '../abilities.ts';
import { whereAllowed } from '../access-sql.ts';
import { CASE_SCOPE } from '../cases/database-store.ts';
import type { Db } from '../db.ts';
import type { ElementCounts, ProcessStatisticsStore } from './store.ts';

export class DatabaseProcessStatisticsStore implements ProcessStatisticsStore {
  constructor(private readonly db: Db) {}

  async elementCounts(ability: AppAbility, version: number, regionCode?: string): Promise<ElementCounts> {
    const { db } = this;
    const scoped = () => {
      const q = whereAllowed(db('cases as c'), ability, 'read', 'Case', CASE_SCOPE).where('c.definition_version', version);
      if (regionCode) q.whereRaw('c.region_code LIKE ?', [`${regionCode}%`]);
      return q;
    };
    const [active, passed, total] = await Promise.all([
      scoped()
        .whereNotIn('c.status', ['closed', 'cancelled'])
        .select(db.raw('unnest(c.active_elements) AS element'), db.raw('count(*)::int AS n'))
        .groupBy('element'),
      scoped()
        .join('case_events as e', 'e.case_id', 'c.id')
        .crossJoin(db.raw(`jsonb_array_elements_text(coalesce(e.data->'path', '[]'::jsonb)) AS p(element)`))
        .select('p.element', db.raw('count(DISTINCT c.id)::int AS n'))
        .groupBy('p.element'),
      scoped().count({ n: '*' }).first(),
    ]);
    const elements: ElementCounts['elements'] = {};
    for (const r of passed as { element: string; n: number }[]) elements[r.element] = { active: 0, passed: r.n };
    for (const r of active as { element: string; n: number }[])
      elements[r.element] = { active: r.n, passed: elements[r.element]?.passed ?? 0 };
    return { elements, cases: (total as { n: number } | undefined)?.n ?? 0 };
  }
}
