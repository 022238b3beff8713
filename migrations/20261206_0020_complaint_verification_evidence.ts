import type { Knex } from 'knex';
import { APP_GROUP_ROLE } from '../domain/db-roles.ts';

const APP = `"${APP_GROUP_ROLE}"`;

/**
 * The on-site verification of a complaint keeps its evidence as an inspection does (issue 15, item 2):
 * the photos the verifier took (uploaded for one complaint, attached when the verification is recorded)
 * and the phone's position with its distance from the house.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('complaint_verification_files', (t) => {
    t.uuid('id').primary({ constraintName: 'complaint_verification_files_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('complaint_id').notNullable();
    t.foreign('complaint_id', 'complaint_verification_files_complaint_fk').references('complaints.id');
    t.uuid('uploaded_by').notNullable();
    t.foreign('uploaded_by', 'complaint_verification_files_user_fk').references('users.id');
    t.text('name').notNullable();
    t.text('mime').notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.text('storage_key').notNullable();
    // Set when the verification that used the photo is recorded; unattached uploads are never shown.
    t.boolean('attached').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['complaint_id'], 'complaint_verification_files_complaint_idx');
  });
  await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON complaint_verification_files TO ${APP}`);

  await knex.schema.alterTable('complaints', (t) => {
    t.double('verify_latitude').nullable();
    t.double('verify_longitude').nullable();
    t.integer('verify_accuracy_m').nullable();
    t.integer('verify_distance_m').nullable();
    // near / far / missing / unverifiable, as for inspections; null before verification.
    t.text('verify_presence').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('complaints', (t) => {
    t.dropColumn('verify_presence');
    t.dropColumn('verify_distance_m');
    t.dropColumn('verify_accuracy_m');
    t.dropColumn('verify_longitude');
    t.dropColumn('verify_latitude');
  });
  await knex.schema.dropTable('complaint_verification_files');
}
