import type { Knex } from 'knex';

/**
 * What a write to a house row costs (issue 21 §4). Every case step rewrites its house's open-case figures
 * (0033), and a case's risk tier and judgement rewrite the house too: some ten house updates a case.
 * Measured on one house update that sets only the open-case figures (2,000 houses, 200 updates):
 *
 * - The summary trigger's condition (0023) called `stats_house_dims` on the old and the new row, two SQL
 *   functions over a whole row that PostgreSQL cannot inline in a trigger's WHEN: about 0.6–0.9 ms an
 *   update, more than the rest of the update together. It now fires only when one of the columns the
 *   dimensions are made of is set (`UPDATE OF`) and differs; the function it runs already does nothing
 *   when the dimensions (bands, not raw values) are the same.
 * - The change feed's marker (0310) compared the whole old and new row as JSON on every update (about
 *   0.3 ms), and the open-case figures and the time the tier was last computed, which the feed does not
 *   send, counted as a change: every case step put its house in every client's feed again. It now fires
 *   only when a column the feed serves is set, and compares those columns only.
 *
 * `FEED_COLUMNS` and `DERIVED_COLUMNS` together are every column of `buildings`; a test holds them to
 * the table so that a new column is not silently left out of the feed.
 */

/** The columns the feed (`toBuilding`) serves: a change to one of them is a change of the house. */
export const FEED_COLUMNS = [
  'code',
  'village_code',
  'seq',
  'external_id',
  'address',
  'longitude',
  'latitude',
  'owner_name',
  'owner_phone',
  'floors_above',
  'floors_below',
  'floor_area',
  'year_built',
  'structure_type',
  'foundation_type',
  'professionally_designed',
  'qualified_builder',
  'alteration',
  'alteration_year',
  'approvals',
  'use',
  'business_category',
  'occupants',
  'latest_judgement',
  'latest_judgement_at',
  'rectification_status',
  'rectification_measures',
  'appraisal_grade',
  'appraisal_date',
  'appraisal_report',
  'version',
  'created_at',
  'updated_at',
  'risk_tier',
  'risk_reasons',
  'risk_version',
] as const;

/** Kept by the platform from other rows or from the feed itself: not a change of the house. */
export const DERIVED_COLUMNS = [
  'risk_computed_at',
  'merc_x',
  'merc_y',
  'open_cases',
  'open_case_due_at',
  'change_seq',
  'change_xid',
] as const;

/** What the summary trigger's dimensions (`stats_house_dims`) and inspected counts are made of. */
const STATS_COLUMNS = [
  'village_code',
  'latest_judgement_at',
  'use',
  'business_category',
  'floors_above',
  'structure_type',
  'year_built',
  'appraisal_grade',
  'latest_judgement',
  'risk_tier',
];

const row = (side: 'OLD' | 'NEW', columns: readonly string[]) => `ROW(${columns.map((c) => `${side}.${c}`).join(', ')})`;
const changed = (columns: readonly string[]) => `${row('OLD', columns)} IS DISTINCT FROM ${row('NEW', columns)}`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER stats_buildings_updated ON buildings;
    CREATE TRIGGER stats_buildings_updated AFTER UPDATE OF ${STATS_COLUMNS.join(', ')} ON buildings FOR EACH ROW
      WHEN (${changed(STATS_COLUMNS)})
      EXECUTE FUNCTION stats_buildings_changed();

    CREATE OR REPLACE FUNCTION buildings_mark_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.change_seq := nextval('building_change_seq');
      NEW.change_xid := pg_current_xact_id();
      RETURN NEW;
    END $$;
    DROP TRIGGER buildings_mark_change_update ON buildings;
    CREATE TRIGGER buildings_mark_change_update BEFORE UPDATE OF ${FEED_COLUMNS.join(', ')} ON buildings FOR EACH ROW
      WHEN (${changed(FEED_COLUMNS)})
      EXECUTE FUNCTION buildings_mark_change();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER stats_buildings_updated ON buildings;
    CREATE TRIGGER stats_buildings_updated AFTER UPDATE ON buildings FOR EACH ROW
      WHEN (OLD.village_code IS DISTINCT FROM NEW.village_code OR OLD.latest_judgement_at IS DISTINCT FROM NEW.latest_judgement_at
            OR stats_house_dims(OLD) IS DISTINCT FROM stats_house_dims(NEW))
      EXECUTE FUNCTION stats_buildings_changed();

    CREATE OR REPLACE FUNCTION buildings_mark_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'merc_x' - 'merc_y') = (to_jsonb(NEW) - 'merc_x' - 'merc_y') THEN
        RETURN NEW;
      END IF;
      NEW.change_seq := nextval('building_change_seq');
      NEW.change_xid := pg_current_xact_id();
      RETURN NEW;
    END $$;
    DROP TRIGGER buildings_mark_change_update ON buildings;
    CREATE TRIGGER buildings_mark_change_update BEFORE UPDATE ON buildings
      FOR EACH ROW EXECUTE FUNCTION buildings_mark_change();
  `);
}
