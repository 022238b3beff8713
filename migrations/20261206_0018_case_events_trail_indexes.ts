import type { Knex } from 'knex';

/**
 * The audit trail lists case events beside the audit log, newest first and filtered by actor or type
 * (`GET /api/audit-log`): the same indexes the audit log has, so a page reads the newest rows of each
 * instead of sorting every event of the district.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX case_events_occurred_idx ON case_events (occurred_at)');
  await knex.raw('CREATE INDEX case_events_actor_idx ON case_events (actor_id, occurred_at)');
  await knex.raw('CREATE INDEX case_events_type_idx ON case_events (type, occurred_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX case_events_type_idx');
  await knex.raw('DROP INDEX case_events_actor_idx');
  await knex.raw('DROP INDEX case_events_occurred_idx');
}
