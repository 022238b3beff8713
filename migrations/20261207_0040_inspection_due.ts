import type { Knex } from 'knex';
import { APP_GROUP_ROLE } from '../domain/db-roles.ts';

const APP = `"${APP_GROUP_ROLE}"`;

/**
 * Inspections due by risk tier (定期巡查, definitions/inspection-schedule): one open item per house
 * (due, then assigned to an inspector for a scheduling day), done by the inspection that closes it, in
 * that inspection's transaction; the next item is written in the same transaction. The due moment is
 * the tier's interval after the basis (the house's last inspection or judgement); `day_seconds` is the
 * day length it was computed with (CASE_DAY_SECONDS), so a tier change recomputes it the same way
 * wherever the tier is written, without every writer carrying configuration. Overdue is read, not
 * stored: an open item past `due_at`, or one done after it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inspection_due', (t) => {
    t.bigIncrements('id', { primaryKey: false });
    t.primary(['id'], { constraintName: 'inspection_due_pkey' });
    t.string('building_code', 18).notNullable();
    t.foreign('building_code', 'inspection_due_building_fk').references('buildings.code');
    t.string('village_code', 12).notNullable();
    t.text('tier').notNullable();
    t.integer('version').notNullable();
    t.integer('day_seconds').notNullable();
    t.timestamp('basis_at', { useTz: true }).nullable();
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.text('status').notNullable().defaultTo('due');
    t.uuid('assignee_id').nullable();
    t.foreign('assignee_id', 'inspection_due_assignee_fk').references('users.id');
    t.text('assignee_name').nullable();
    /** The start of the scheduling day the item was given for (the daily cap counts per day). */
    t.timestamp('assigned_day', { useTz: true }).nullable();
    t.timestamp('assigned_at', { useTz: true }).nullable();
    t.uuid('inspection_id').nullable();
    t.foreign('inspection_id', 'inspection_due_inspection_fk').references('inspections.id');
    t.timestamp('done_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`status IN ('due', 'assigned', 'done')`, [], 'inspection_due_status_check');
    t.check(`tier IN ('red', 'orange', 'yellow', 'green')`, [], 'inspection_due_tier_check');
    t.check('day_seconds > 0', [], 'inspection_due_day_seconds_check');
    t.check(`(status = 'due') = (assignee_id IS NULL) OR status = 'done'`, [], 'inspection_due_assignee_check');
    t.check(`(status = 'done') = (done_at IS NOT NULL)`, [], 'inspection_due_done_check');
  });
  // One open item per house: a re-run pass or two writers at once cannot make a second.
  await knex.raw(`CREATE UNIQUE INDEX inspection_due_open_key ON inspection_due (building_code) WHERE status <> 'done'`);
  // The pass: a village's open items, most urgent first; the coverage figures by village and due day.
  await knex.raw('CREATE INDEX inspection_due_village_idx ON inspection_due (village_code text_pattern_ops, due_at)');
  // An inspector's batch and the day's cap.
  await knex.raw(`CREATE INDEX inspection_due_assignee_idx ON inspection_due (assignee_id, assigned_day) WHERE assignee_id IS NOT NULL`);
  await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON inspection_due TO ${APP}`);
  await knex.raw(`GRANT USAGE, SELECT ON SEQUENCE inspection_due_id_seq TO ${APP}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('inspection_due');
}
