import type { Knex } from 'knex';

/**
 * Citizens' complaints (投诉举报): filed without an account from a scanned label or a place on a map;
 * the citizen keeps a tracking number and a secret (stored hashed) to follow progress. A complaint
 * workflow has an inspector verify it on site; a confirmed one opens or joins a hazard case. Every
 * status change the citizen may read is a row of `complaint_notifications`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE SEQUENCE complaint_number_seq');
  await knex.schema.createTable('complaints', (t) => {
    t.uuid('id').primary({ constraintName: 'complaints_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.text('tracking_no').notNullable().unique({ indexName: 'complaints_tracking_no_key' });
    t.string('secret_hash', 64).notNullable();
    t.text('channel').notNullable().defaultTo('web');
    t.string('building_code', 18).nullable();
    t.foreign('building_code', 'complaints_building_fk').references('buildings.code');
    // The village the complaint is about (its house's, or the nearest house's for a map position): the scope column.
    t.string('region_code', 12).notNullable();
    t.double('latitude').nullable();
    t.double('longitude').nullable();
    t.text('category').notNullable();
    t.text('description').notNullable();
    // Open311's media_url: a link to a photo kept elsewhere, shown to officers as a link, never fetched.
    t.text('media_url').nullable();
    // The complainant's identity: confidential (masked but for the roles that need it; each full view audited).
    t.text('contact_name').nullable();
    t.text('contact_phone').nullable();
    t.text('status').notNullable().defaultTo('verifying');
    t.timestamp('verify_due_at', { useTz: true }).notNullable();
    t.timestamp('overdue_at', { useTz: true }).nullable();
    t.timestamp('verified_at', { useTz: true }).nullable();
    t.uuid('verified_by').nullable();
    t.foreign('verified_by', 'complaints_verified_by_fk').references('users.id');
    t.text('verified_by_name').nullable();
    t.text('verify_note').nullable();
    t.text('reply').nullable();
    t.uuid('case_id').nullable();
    t.foreign('case_id', 'complaints_case_fk').references('cases.id');
    t.boolean('joined_case').nullable();
    // Abuse limits count by a keyed hash of the sender's address, never the address itself.
    t.string('client_hash', 64).notNullable();
    t.integer('last_seq').notNullable().defaultTo(1);
    t.timestamp('workflow_started_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`channel IN ('web', 'open311')`, [], 'complaints_channel_check');
    t.check(`status IN ('verifying', 'confirmed', 'unfounded')`, [], 'complaints_status_check');
    t.check('building_code IS NOT NULL OR latitude IS NOT NULL', [], 'complaints_place_check');
    t.index(['building_code'], 'complaints_building_idx');
    t.index(['case_id'], 'complaints_case_idx');
    t.index(['client_hash', 'created_at'], 'complaints_client_idx');
    t.index(['contact_phone', 'created_at'], 'complaints_phone_idx');
  });
  await knex.raw('CREATE INDEX complaints_region_prefix_idx ON complaints (region_code text_pattern_ops, created_at)');
  await knex.raw('CREATE INDEX complaints_unstarted_idx ON complaints (created_at) WHERE workflow_started_at IS NULL');

  await knex.schema.createTable('complaint_notifications', (t) => {
    t.uuid('complaint_id').notNullable();
    t.foreign('complaint_id', 'complaint_notifications_complaint_fk').references('complaints.id');
    t.integer('seq').notNullable();
    t.text('status').notNullable();
    // What the citizen reads: never an officer's name or an internal note.
    t.text('text').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['complaint_id', 'seq'], { constraintName: 'complaint_notifications_pkey' });
  });

  await knex.schema.createTable('complaint_files', (t) => {
    t.uuid('id').primary({ constraintName: 'complaint_files_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('complaint_id').nullable();
    t.foreign('complaint_id', 'complaint_files_complaint_fk').references('complaints.id');
    t.text('name').notNullable();
    t.text('mime').notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.text('storage_key').notNullable();
    t.string('client_hash', 64).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['complaint_id'], 'complaint_files_complaint_idx');
    t.index(['client_hash', 'created_at'], 'complaint_files_client_idx');
  });

  // A complaint from a map position belongs to the village of the nearest house.
  await knex.raw('CREATE INDEX buildings_position_idx ON buildings (latitude, longitude) WHERE latitude IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS buildings_position_idx');
  await knex.schema.dropTable('complaint_files');
  await knex.schema.dropTable('complaint_notifications');
  await knex.schema.dropTable('complaints');
  await knex.raw('DROP SEQUENCE complaint_number_seq');
}
