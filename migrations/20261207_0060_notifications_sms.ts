import type { Knex } from 'knex';
import { APP_GROUP_ROLE } from '../domain/db-roles.ts';

const APP = `"${APP_GROUP_ROLE}"`;

/**
 * Notifications (issue 19 §3). `notifications` is the in-app centre: one row per user and event, the
 * event's `key` unique per user, so a retried activity that notifies again writes nothing twice.
 * `sms_messages` is every text message the platform sends (to staff and to house owners): one row per
 * event and recipient (`key` unique), which is also the idempotency key the provider de-duplicates on;
 * its status follows the message from held (quiet hours) through sent to delivered or failed, and a
 * case's messages are listed on its page.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notifications', (t) => {
    t.uuid('id').primary({ constraintName: 'notifications_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('user_id').notNullable();
    t.foreign('user_id', 'notifications_user_fk').references('users.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('key').notNullable();
    t.text('title').notNullable();
    t.text('body').notNullable();
    t.text('link');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
    t.unique(['user_id', 'key'], { indexName: 'notifications_user_key_key' });
    t.check(`length(key) BETWEEN 1 AND 300`, [], 'notifications_key_check');
  });
  await knex.raw('CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id)');
  await knex.raw('CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL');
  await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON notifications TO ${APP}`);

  await knex.schema.createTable('sms_messages', (t) => {
    t.uuid('id').primary({ constraintName: 'sms_messages_pkey' }).defaultTo(knex.raw('gen_random_uuid()'));
    t.text('key').notNullable().unique({ indexName: 'sms_messages_key_key' });
    t.uuid('case_id');
    t.foreign('case_id', 'sms_messages_case_fk').references('cases.id');
    t.text('kind').notNullable();
    /** 'owner' (a house's responsible person, quiet hours apply) or 'staff' (an account). */
    t.text('audience').notNullable();
    t.uuid('user_id');
    t.text('recipient_name');
    t.text('phone').notNullable();
    t.text('template').notNullable();
    t.text('text').notNullable();
    t.text('status').notNullable();
    t.timestamp('send_after', { useTz: true }).notNullable();
    t.text('provider_id');
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('delivered_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`status IN ('held', 'queued', 'sent', 'delivered', 'failed')`, [], 'sms_messages_status_check');
    t.check(`audience IN ('owner', 'staff')`, [], 'sms_messages_audience_check');
  });
  await knex.raw('CREATE INDEX sms_messages_case_idx ON sms_messages (case_id, created_at) WHERE case_id IS NOT NULL');
  await knex.raw('CREATE UNIQUE INDEX sms_messages_provider_idx ON sms_messages (provider_id) WHERE provider_id IS NOT NULL');
  await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON sms_messages TO ${APP}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sms_messages');
  await knex.schema.dropTable('notifications');
}
