import type { Knex } from 'knex';

/**
 * Special inspections (专项排查): a district officer's campaign over the houses a filter picks, due by a
 * deadline. Its houses are written when it is created (`campaign_items`); an inspection of one of them
 * while the campaign runs marks it done. The campaign workflow reminds before the deadline and, at
 * the deadline, marks what is left overdue.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('campaigns', (t) => {
    t.uuid('id').primary({ constraintName: 'campaigns_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.text('name').notNullable();
    // The area the campaign covers (district or town): the scope column.
    t.string('region_code', 12).notNullable();
    t.jsonb('filters').notNullable();
    t.text('assignee_role').notNullable();
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.integer('remind_days_before').notNullable();
    t.text('status').notNullable().defaultTo('running');
    t.integer('total').notNullable();
    t.timestamp('reminded_at', { useTz: true }).nullable();
    t.timestamp('closed_at', { useTz: true }).nullable();
    t.text('cancel_reason').nullable();
    t.uuid('created_by').notNullable();
    t.foreign('created_by', 'campaigns_created_by_fk').references('users.id');
    t.text('created_by_name').notNullable();
    t.timestamp('workflow_started_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`status IN ('running', 'completed', 'closed', 'cancelled')`, [], 'campaigns_status_check');
    t.check(`assignee_role IN ('inspector', 'town_officer')`, [], 'campaigns_assignee_check');
    t.index(['status'], 'campaigns_status_idx');
  });
  await knex.raw('CREATE INDEX campaigns_unstarted_idx ON campaigns (created_at) WHERE workflow_started_at IS NULL');

  await knex.schema.createTable('campaign_items', (t) => {
    t.uuid('campaign_id').notNullable();
    t.foreign('campaign_id', 'campaign_items_campaign_fk').references('campaigns.id');
    t.string('building_code', 18).notNullable();
    t.foreign('building_code', 'campaign_items_building_fk').references('buildings.code');
    t.string('village_code', 12).notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.uuid('inspection_id').nullable();
    t.foreign('inspection_id', 'campaign_items_inspection_fk').references('inspections.id');
    t.integer('hazards_found').nullable();
    t.timestamp('done_at', { useTz: true }).nullable();
    t.primary(['campaign_id', 'building_code'], { constraintName: 'campaign_items_pkey' });
    t.check(`status IN ('pending', 'done', 'overdue')`, [], 'campaign_items_status_check');
  });
  // An inspection finds the open items of its house; an inbox, the pending houses of its area.
  await knex.raw(`CREATE INDEX campaign_items_open_idx ON campaign_items (building_code) WHERE status = 'pending'`);
  await knex.raw('CREATE INDEX campaign_items_village_idx ON campaign_items (campaign_id, village_code text_pattern_ops, status)');

  await knex.schema.alterTable('inspections', (t) => {
    t.foreign('campaign_id', 'inspections_campaign_fk').references('campaigns.id');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('inspections', (t) => t.dropForeign('campaign_id', 'inspections_campaign_fk'));
  await knex.schema.dropTable('campaign_items');
  await knex.schema.dropTable('campaigns');
}
