import type { Knex } from 'knex';

/** The region tree: national administrative codes nesting by prefix. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('regions', (t) => {
    t.string('code', 12).primary({ constraintName: 'regions_pkey' });
    t.text('name').notNullable();
    t.smallint('level').notNullable();
    t.string('parent_code', 12).nullable();
    t.foreign('parent_code', 'regions_parent_fk').references('regions.code');
    t.index(['parent_code'], 'regions_parent_idx');
    t.check('level BETWEEN 0 AND 5', [], 'regions_level_check');
  });
  await knex.raw('CREATE INDEX regions_code_prefix_idx ON regions (code text_pattern_ops)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('regions');
}
