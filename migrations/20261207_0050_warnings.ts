import type { Knex } from 'knex';

const STATUSES = `'open', 'acknowledged', 'escalated', 'dispatched', 'dismissed'`;
/** Still waiting for someone: the statuses in which the same condition must not raise a second warning. */
const ACTIVE = `'open', 'acknowledged', 'escalated'`;

/**
 * Warnings (预警): what a warning rule (definitions/warning-rules) found, with its evidence, and the
 * 预警处置 task it is: acknowledged, dispatched (a special inspection or hazard cases opened) or dismissed
 * with a reason; escalated when nobody acknowledged it in time. `dedupe_key` names the condition (rule
 * and subject): one active warning per key. `occurrence` names one occurrence of it (the rise to red,
 * the failure count, the newest complaint of a cluster): a closed warning settles its occurrence, so a
 * rule run repeated, retried or resumed after a crash raises nothing twice.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('warnings', (t) => {
    t.uuid('id').primary({ constraintName: 'warnings_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.text('rule_id').notNullable();
    t.integer('rule_version').notNullable();
    t.text('dedupe_key').notNullable();
    t.text('occurrence').notNullable();
    // The scope column: the village, town or district the warning is raised at.
    t.string('region_code', 12).notNullable();
    t.text('assignee_role').notNullable();
    t.text('escalate_to_role').notNullable();
    t.specificType('building_codes', 'text[]').notNullable().defaultTo('{}');
    t.specificType('case_ids', 'uuid[]').notNullable().defaultTo('{}');
    t.jsonb('evidence').notNullable();
    t.text('status').notNullable().defaultTo('open');
    t.timestamp('raised_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('acknowledge_due_at', { useTz: true }).notNullable();
    t.timestamp('acknowledged_at', { useTz: true }).nullable();
    t.timestamp('escalated_at', { useTz: true }).nullable();
    t.timestamp('closed_at', { useTz: true }).nullable();
    t.uuid('handled_by').nullable();
    t.foreign('handled_by', 'warnings_handled_by_fk').references('users.id');
    t.text('handled_by_name').nullable();
    // What a dispatch opened: { kind: 'inspection', campaignId } or { kind: 'case', caseIds }.
    t.jsonb('dispatch').nullable();
    t.text('dismiss_reason').nullable();
    t.timestamp('workflow_started_at', { useTz: true }).nullable();
    t.check(`status IN (${STATUSES})`, [], 'warnings_status_check');
    t.check(`status <> 'dismissed' OR dismiss_reason IS NOT NULL`, [], 'warnings_dismiss_reason_check');
  });
  await knex.raw(`CREATE UNIQUE INDEX warnings_active_key ON warnings (dedupe_key) WHERE status IN (${ACTIVE})`);
  await knex.raw('CREATE UNIQUE INDEX warnings_occurrence_key ON warnings (dedupe_key, occurrence)');
  // Lists and inboxes: the active warnings of an area, newest first.
  await knex.raw('CREATE INDEX warnings_region_idx ON warnings (region_code text_pattern_ops, status, raised_at DESC)');
  await knex.raw('CREATE INDEX warnings_unstarted_idx ON warnings (raised_at) WHERE workflow_started_at IS NULL');
  // The map's warnings layer: a write here changes what a tile shows (migration 0029's map_version).
  await knex.raw(
    'CREATE TRIGGER warnings_map_version AFTER INSERT OR UPDATE OR DELETE ON warnings FOR EACH STATEMENT EXECUTE FUNCTION map_version_bump()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('warnings');
}
