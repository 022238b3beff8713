import type { Knex } from 'knex';

/**
 * A list filtered by use or judgement and sorted by year (newest or oldest first) reads these indexes in
 * order and checks the region from the index itself, stopping after one page; without them it sorted
 * every match of the region or walked the year index fetching each house (60–80 ms for a town, measured
 * by `npm run bench:registry`; 1–7 ms with them).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX buildings_use_year_idx ON buildings (use, year_built DESC, code) INCLUDE (village_code)');
  await knex.raw('CREATE INDEX buildings_judgement_year_idx ON buildings (latest_judgement, year_built DESC, code) INCLUDE (village_code)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX buildings_judgement_year_idx');
  await knex.raw('DROP INDEX buildings_use_year_idx');
}
