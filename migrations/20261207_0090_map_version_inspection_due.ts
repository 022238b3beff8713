import type { Knex } from 'knex';

/**
 * The map's blue ring (a house due for inspection) reads the 定期巡查 items as the inspector's list does,
 * so a write to `inspection_due` (the schedule's pass handing out items, an inspection marking one done)
 * changes what a tile shows: it bumps `map_version` like the tables of 0029, and cached tiles are cut anew.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'CREATE TRIGGER inspection_due_map_version AFTER INSERT OR UPDATE OR DELETE ON inspection_due FOR EACH STATEMENT EXECUTE FUNCTION map_version_bump()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER inspection_due_map_version ON inspection_due');
}
