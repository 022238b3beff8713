import type { Knex } from 'knex';

/**
 * The house file's safety timeline lists every special inspection a house was in, done or not:
 * campaign_items had only an index of the pending items by house (campaign_items_open_idx).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX campaign_items_building_idx ON campaign_items (building_code)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX campaign_items_building_idx');
}
