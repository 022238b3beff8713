import type { Knex } from 'knex';

/**
 * Hazard cases and their read models. The workflow `case-<id>` owns the process; these tables are
 * what it has written: the case row, the task inbox and the append-only, hash-chained event trail.
 * Every write of the workflow carries its sequence number, so a retried activity changes nothing.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE SEQUENCE case_number_seq');
  await knex.schema.createTable('cases', (t) => {
    t.uuid('id').primary({ constraintName: 'cases_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.text('number').notNullable().unique({ indexName: 'cases_number_key' });
    t.text('type').notNullable().defaultTo('hazard');
    t.integer('definition_version').notNullable();
    t.string('building_code', 18).notNullable();
    t.foreign('building_code', 'cases_building_fk').references('buildings.code');
    // The village of the house: the scope column (a user sees the cases at or below their region).
    t.string('region_code', 12).notNullable();
    t.text('category').notNullable();
    t.text('severity').notNullable();
    t.text('description').notNullable();
    t.text('source').notNullable().defaultTo('officer');
    t.text('source_ref').nullable();
    t.text('status').notNullable().defaultTo('registered');
    t.specificType('active_elements', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('due_at', { useTz: true }).nullable();
    t.integer('recheck_failures').notNullable().defaultTo(0);
    // Who submitted the latest rectification evidence: never its rechecker (four eyes).
    t.uuid('evidence_submitter_id').nullable();
    t.integer('escalation_count').notNullable().defaultTo(0);
    t.jsonb('responsible').nullable();
    t.specificType('measures', 'text[]').nullable();
    t.date('rectify_deadline').nullable();
    t.text('appraisal_grade').nullable();
    t.boolean('demolished').nullable();
    t.text('cancel_reason').nullable();
    t.integer('last_seq').notNullable().defaultTo(0);
    t.timestamp('workflow_started_at', { useTz: true }).nullable();
    t.uuid('created_by').nullable();
    t.foreign('created_by', 'cases_created_by_fk').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('closed_at', { useTz: true }).nullable();
    t.check(`severity IN ('serious', 'general')`, [], 'cases_severity_check');
    t.check(`source IN ('officer', 'inspection', 'complaint')`, [], 'cases_source_check');
    t.check(
      `status IN ('registered', 'assigning', 'controlling', 'rectifying', 'rechecking', 'closing', 'closed', 'cancelled')`,
      [],
      'cases_status_check',
    );
    t.index(['building_code'], 'cases_building_idx');
    // The inbox's four-eyes check looks up the cases whose evidence the reader submitted.
    t.index(['evidence_submitter_id'], 'cases_evidence_submitter_idx');
    t.index(['status', 'due_at'], 'cases_status_due_idx');
    t.index(['created_at'], 'cases_created_idx');
  });
  await knex.raw('CREATE INDEX cases_region_prefix_idx ON cases (region_code text_pattern_ops, created_at)');
  // The sweeper's question: which cases were written but have no workflow yet?
  await knex.raw('CREATE INDEX cases_unstarted_idx ON cases (created_at) WHERE workflow_started_at IS NULL');

  await knex.schema.createTable('tasks', (t) => {
    t.uuid('id').primary({ constraintName: 'tasks_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('case_id').notNullable();
    t.foreign('case_id', 'tasks_case_fk').references('cases.id').onDelete('CASCADE');
    t.integer('task_no').notNullable();
    t.unique(['case_id', 'task_no'], { indexName: 'tasks_case_no_key' });
    t.text('step').notNullable();
    t.text('element_id').notNullable();
    t.specificType('roles', 'text[]').notNullable();
    // The region the task belongs to, at the step's level (town for assign, village for rectify …).
    t.string('region_code', 12).notNullable();
    // The case's village, copied here so the inbox filters tasks by the reader's region without a join.
    t.string('case_region_code', 12).notNullable();
    t.text('status').notNullable().defaultTo('open');
    t.uuid('assignee_id').nullable();
    t.foreign('assignee_id', 'tasks_assignee_fk').references('users.id');
    t.timestamp('due_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('claimed_at', { useTz: true }).nullable();
    t.timestamp('completed_at', { useTz: true }).nullable();
    t.uuid('completed_by').nullable();
    t.foreign('completed_by', 'tasks_completed_by_fk').references('users.id');
    t.text('outcome').nullable();
    t.jsonb('form').nullable();
    t.check(`status IN ('open', 'claimed', 'completed', 'cancelled')`, [], 'tasks_status_check');
  });
  // The inbox: open tasks by the case's region and due date; my claimed tasks; what I finished.
  await knex.raw(
    `CREATE INDEX tasks_open_region_idx ON tasks (case_region_code text_pattern_ops, due_at) WHERE status IN ('open', 'claimed')`,
  );
  await knex.raw(`CREATE INDEX tasks_open_due_idx ON tasks (due_at) WHERE status IN ('open', 'claimed')`);
  await knex.raw(`CREATE INDEX tasks_assignee_idx ON tasks (assignee_id, due_at) WHERE status = 'claimed'`);
  await knex.raw(`CREATE INDEX tasks_done_idx ON tasks (completed_by, completed_at DESC) WHERE status = 'completed'`);
  await knex.raw('CREATE INDEX tasks_case_idx ON tasks (case_id)');

  await knex.schema.createTable('case_events', (t) => {
    t.uuid('case_id').notNullable();
    t.foreign('case_id', 'case_events_case_fk').references('cases.id');
    t.integer('seq').notNullable();
    t.primary(['case_id', 'seq'], { constraintName: 'case_events_pkey' });
    t.text('type').notNullable();
    t.text('element_id').nullable();
    t.uuid('task_id').nullable();
    t.uuid('actor_id').nullable();
    t.text('actor_name').nullable();
    t.text('actor_role').nullable();
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('occurred_at', { useTz: true }).notNullable();
    t.string('prev_hash', 64).notNullable();
    t.string('hash', 64).notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('seq > 0', [], 'case_events_seq_check');
  });
  // The trail is evidence: the database itself refuses to change or remove a row.
  await knex.raw(`
    CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'case_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`);
  await knex.raw(`CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
  await knex.raw(`CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
    FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only()`);

  await knex.schema.createTable('case_files', (t) => {
    t.uuid('id').primary({ constraintName: 'case_files_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('case_id').notNullable();
    t.foreign('case_id', 'case_files_case_fk').references('cases.id');
    t.uuid('task_id').nullable();
    t.text('name').notNullable();
    t.text('mime').notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.text('storage_key').notNullable();
    t.uuid('uploaded_by').nullable();
    t.foreign('uploaded_by', 'case_files_uploaded_by_fk').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['case_id'], 'case_files_case_idx');
  });

  await knex.schema.createTable('case_escalations', (t) => {
    t.uuid('case_id').notNullable();
    t.foreign('case_id', 'case_escalations_case_fk').references('cases.id');
    t.integer('no').notNullable();
    t.primary(['case_id', 'no'], { constraintName: 'case_escalations_pkey' });
    t.text('reason').notNullable();
    t.text('reason_text').notNullable();
    t.text('element_id').nullable();
    t.text('status').notNullable().defaultTo('sending');
    t.text('receipt_id').nullable();
    t.text('error').nullable();
    t.timestamp('requested_at', { useTz: true }).notNullable();
    t.timestamp('answered_at', { useTz: true }).nullable();
    t.check(`status IN ('sending', 'accepted', 'refused', 'handled')`, [], 'case_escalations_status_check');
  });

  await knex.schema.createTable('supervision_callbacks', (t) => {
    // The webhook id: a replayed delivery hits this key and is refused.
    t.text('id').primary({ constraintName: 'supervision_callbacks_pkey' });
    t.uuid('case_id').notNullable();
    t.foreign('case_id', 'supervision_callbacks_case_fk').references('cases.id');
    t.text('receipt_id').notNullable();
    // Stays the same across redeliveries of one message: applied once.
    t.text('idempotency_key').notNullable().unique({ indexName: 'supervision_callbacks_key' });
    t.text('kind').notNullable();
    t.text('text').notNullable();
    t.timestamp('sent_at', { useTz: true }).notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('supervision_callbacks');
  await knex.schema.dropTable('case_escalations');
  await knex.schema.dropTable('case_files');
  await knex.schema.dropTable('case_events');
  await knex.raw('DROP FUNCTION case_events_append_only()');
  await knex.schema.dropTable('tasks');
  await knex.schema.dropTable('cases');
  await knex.raw('DROP SEQUENCE case_number_seq');
}
