import type { Knex } from 'knex';

/**
 * The registry's usual list filters pair a region subtree with a use or a judgement; these indexes
 * answer such a page and its count without scanning the town (measured by `npm run bench:registry`).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX buildings_use_village_idx ON buildings (use, village_code text_pattern_ops)');
  await knex.raw('CREATE INDEX buildings_judgement_village_idx ON buildings (latest_judgement, village_code text_pattern_ops)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX buildings_judgement_village_idx');
  await knex.raw('DROP INDEX buildings_use_village_idx');
}
