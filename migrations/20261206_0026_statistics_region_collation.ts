import type { Knex } from 'knex';

/**
 * The summary tables' region columns compare in the C collation (code point order), so a region's
 * subtree, `region_code LIKE '441802006%'`, is a range of the leading column of their keys' indexes
 * instead of a scan of the whole table: PostgreSQL turns a LIKE prefix into an index range only under
 * the C collation, and a database's default (C.UTF-8, zh_CN.UTF-8…) is not it. Region codes are
 * digits, so their order is the same under every collation; nothing else compares these columns.
 */
const REGION_COLUMNS = [
  ['stats_houses', 'village_code'],
  ['stats_house_inspected', 'village_code'],
  ['stats_cases', 'region_code'],
  ['stats_daily', 'region_code'],
  ['stats_step_days', 'region_code'],
] as const;

export async function up(knex: Knex): Promise<void> {
  for (const [table, column] of REGION_COLUMNS) {
    await knex.raw(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE varchar(12) COLLATE "C"`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, column] of REGION_COLUMNS) {
    await knex.raw(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE varchar(12) COLLATE "default"`);
  }
}
