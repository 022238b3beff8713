import type { Knex } from 'knex';

/**
 * The claimable tasks of a role (the inbox's 可认领 view and the home page's count): an index on the open
 * tasks' roles, so a role few tasks name (a district officer's) is answered from the index rather than by
 * reading every open task of the district, and a town officer's is the intersection with the region
 * index. The inbox asks `roles @> ARRAY[role]`, which this index serves (`role = ANY(roles)` it cannot).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE INDEX tasks_open_roles_idx ON tasks USING gin (roles) WHERE status = 'open'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX tasks_open_roles_idx');
}
