import type { Knex } from 'knex';

/**
 * The statistics model's summary tables (issue 17; ARCHITECTURE.md "Statistics"). Each row counts raw
 * rows sharing a key; `n` is the count. They are written by triggers in the same transaction as the raw
 * rows (migration 0023) and rebuilt from the raw rows by `npm run stats:rebuild`. Key columns never hold
 * NULL except where noted: "no value" is the text `none` (domain/statistics/dimensions.ts NONE).
 *
 * Band functions here must agree with domain/statistics/dimensions.ts (a test compares them).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION stats_floors_band(floors integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN floors <= 2 THEN '1-2' WHEN floors <= 5 THEN '3-5' ELSE '6+' END
    $$;
    CREATE FUNCTION stats_year_band(year integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN year IS NULL THEN 'unknown' WHEN year <= 1980 THEN 'to1980' WHEN year <= 2000 THEN '1981-2000'
                  WHEN year <= 2010 THEN '2001-2010' ELSE '2011+' END
    $$;
    CREATE FUNCTION stats_beijing_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT (at AT TIME ZONE 'Asia/Shanghai')::date
    $$;

    -- Houses now, by every house dimension (the registry's figures and the pivot's house measure).
    CREATE TABLE stats_houses (
      village_code varchar(12) NOT NULL,
      use text NOT NULL,
      business_category text NOT NULL,
      floors_band text NOT NULL,
      structure_type text NOT NULL,
      year_band text NOT NULL,
      appraisal_grade text NOT NULL,
      latest_judgement text NOT NULL,
      risk_tier text NOT NULL,
      n integer NOT NULL,
      CONSTRAINT stats_houses_pkey PRIMARY KEY
        (village_code, use, business_category, floors_band, structure_type, year_band, appraisal_grade, latest_judgement, risk_tier)
    );

    -- Houses now, by the Beijing day of their latest judgement (buildings.latest_judgement_at): coverage.
    CREATE TABLE stats_house_inspected (
      village_code varchar(12) NOT NULL,
      inspected_on date NOT NULL,
      n integer NOT NULL,
      CONSTRAINT stats_house_inspected_pkey PRIMARY KEY (village_code, inspected_on)
    );

    -- Hazard cases now: the case's own dimensions, its month of discovery, its status, the Beijing day its
    -- deadline falls on (NULL when it has none or is closed or cancelled), and its house's dimensions now.
    CREATE TABLE stats_cases (
      region_code varchar(12) NOT NULL,
      found_month date NOT NULL,
      category text NOT NULL,
      severity text NOT NULL,
      origin text NOT NULL,
      status text NOT NULL,
      due_on date,
      use text NOT NULL,
      business_category text NOT NULL,
      floors_band text NOT NULL,
      structure_type text NOT NULL,
      year_band text NOT NULL,
      appraisal_grade text NOT NULL,
      latest_judgement text NOT NULL,
      risk_tier text NOT NULL,
      n integer NOT NULL,
      CONSTRAINT stats_cases_key UNIQUE NULLS NOT DISTINCT
        (region_code, found_month, category, severity, origin, status, due_on, use, business_category, floors_band,
         structure_type, year_band, appraisal_grade, latest_judgement, risk_tier)
    );

    -- Events per Beijing day: found (cases not cancelled, by creation day), closed, escalated (a case's
    -- first escalation), complaint_received, complaint_confirmed, complaint_unfounded, inspection.
    -- category / severity / origin are the case's (complaints: their category; inspections: their kind
    -- as origin, daily or special); 'none' where they do not apply.
    CREATE TABLE stats_daily (
      day date NOT NULL,
      region_code varchar(12) NOT NULL,
      metric text NOT NULL,
      category text NOT NULL,
      severity text NOT NULL,
      origin text NOT NULL,
      n integer NOT NULL,
      CONSTRAINT stats_daily_pkey PRIMARY KEY (day, region_code, metric, category, severity, origin)
    );

    -- Completed tasks by step: whole days from creation to completion (capped at 366), whether completed
    -- after their deadline, and the month of completion.
    CREATE TABLE stats_step_days (
      region_code varchar(12) NOT NULL,
      completed_month date NOT NULL,
      step text NOT NULL,
      days integer NOT NULL,
      late boolean NOT NULL,
      n integer NOT NULL,
      CONSTRAINT stats_step_days_pkey PRIMARY KEY (region_code, completed_month, step, days, late)
    );
  `);
  await knex.raw('CREATE INDEX stats_houses_tier_idx ON stats_houses (risk_tier, village_code)');
  await knex.raw('CREATE INDEX stats_cases_status_idx ON stats_cases (status, region_code)');
  await knex.raw('CREATE INDEX stats_daily_region_idx ON stats_daily (region_code text_pattern_ops, day)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE stats_step_days, stats_daily, stats_cases, stats_house_inspected, stats_houses;
    DROP FUNCTION stats_beijing_day(timestamptz), stats_year_band(integer), stats_floors_band(integer);
  `);
}
