import type { Knex } from 'knex';

/**
 * The read API for a higher-level platform (issue 20 §2): its credentials (`api_clients`, the secret
 * kept only as a SHA-256 hash) and a change position on every house, set by a trigger on each insert and
 * each update that changes the row: `change_seq` (a sequence) and `change_xid` (the writing transaction).
 * The feed pages by (change_xid, change_seq) and serves only rows of transactions older than every
 * transaction still running (`pg_snapshot_xmin`): sequence numbers are taken before commit, so a
 * sequence alone would let a cursor pass a number whose transaction commits later, and lose that row.
 * Houses are never deleted (cases, changes and inspections refer to them), so there are no tombstones.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE SEQUENCE building_change_seq;
    ALTER TABLE buildings
      ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('building_change_seq'),
      ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
    ALTER SEQUENCE building_change_seq OWNED BY buildings.change_seq;

    CREATE FUNCTION buildings_mark_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- An update that changes nothing is no change. (A WHEN clause cannot say so: a BEFORE trigger's
      -- condition may not read the generated merc_x/merc_y, which follow the coordinates anyway.)
      IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'merc_x' - 'merc_y') = (to_jsonb(NEW) - 'merc_x' - 'merc_y') THEN
        RETURN NEW;
      END IF;
      NEW.change_seq := nextval('building_change_seq');
      NEW.change_xid := pg_current_xact_id();
      RETURN NEW;
    END $$;
    CREATE TRIGGER buildings_mark_change_insert BEFORE INSERT ON buildings
      FOR EACH ROW EXECUTE FUNCTION buildings_mark_change();
    CREATE TRIGGER buildings_mark_change_update BEFORE UPDATE ON buildings
      FOR EACH ROW EXECUTE FUNCTION buildings_mark_change();
    CREATE INDEX buildings_change_idx ON buildings (change_xid, change_seq);
  `);
  await knex.schema.createTable('api_clients', (t) => {
    t.uuid('id').primary({ constraintName: 'api_clients_pkey' });
    t.text('name').notNullable();
    t.string('region_code', 12).notNullable();
    t.foreign('region_code', 'api_clients_region_fk').references('regions.code');
    t.text('secret_hash').notNullable();
    t.boolean('personal_data').notNullable().defaultTo(false);
    t.uuid('created_by').nullable();
    t.foreign('created_by', 'api_clients_created_by_fk').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('revoked_at', { useTz: true }).nullable();
    t.uuid('revoked_by').nullable();
    t.foreign('revoked_by', 'api_clients_revoked_by_fk').references('users.id');
    t.timestamp('last_used_at', { useTz: true }).nullable();
    t.check('length(name) BETWEEN 1 AND 100', [], 'api_clients_name_check');
    t.index(['region_code'], 'api_clients_region_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('api_clients');
  await knex.raw(`
    DROP TRIGGER buildings_mark_change_update ON buildings;
    DROP TRIGGER buildings_mark_change_insert ON buildings;
    DROP FUNCTION buildings_mark_change();
    DROP INDEX buildings_change_idx;
    ALTER TABLE buildings DROP COLUMN change_xid, DROP COLUMN change_seq;
  `);
}
